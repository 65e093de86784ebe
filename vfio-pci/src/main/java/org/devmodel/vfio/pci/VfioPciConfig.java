package org.devmodel.vfio.pci;

import static org.devmodel.pci.ConfigBytes.get;
import static org.devmodel.pci.ConfigBytes.put;

import java.util.Arrays;
import java.util.OptionalInt;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.pci.ConfigSpace;
import org.devmodel.pci.PciBar;
import org.devmodel.pci.PciRegs;

/**
 * {@code vfio_pci_config.c} of v3.14: the config space a user sees through the CONFIG region. Each
 * byte has permission bits: <em>virt</em> bits read from and write to {@code vconfig}, this
 * object's copy; the other bits read from the function, and write to it when <em>write</em> allows.
 * The header's perms are {@code cap_perms[PCI_CAP_ID_BASIC]}; the MSI capability is entirely
 * virtual; other capabilities read through and drop writes; bytes outside any capability go to the
 * function raw.
 *
 * <p>Created by {@code vfio_pci_enable} from the function's config space; thread-safe (the object's
 * lock stands for the config access lock).
 */
final class VfioPciConfig {
    /** {@code PCI_CAP_ID_BASIC}: the header in {@code pci_config_map}. */
    private static final int CAP_ID_BASIC = 0;
    /** {@code PCI_CAP_ID_INVALID}: not in any capability, raw access. */
    private static final int CAP_ID_INVALID = 0xff;
    /** {@code PCI_STD_HEADER_SIZEOF}. */
    private static final int HEADER_SIZE = 0x40;
    /** {@code PCI_CACHE_LINE_SIZE}, {@code PCI_LATENCY_TIMER}, {@code PCI_BIST}. */
    private static final int CACHE_LINE_SIZE = 0x0c;
    private static final int LATENCY_TIMER = 0x0d;
    private static final int BIST = 0x0f;
    /** {@code PCI_ROM_ADDRESS}. */
    private static final int ROM_ADDRESS = 0x30;
    /** {@code PCI_MSI_FLAGS_MASKBIT}. */
    private static final int MSI_FLAGS_MASKBIT = 0x100;
    /** {@code PCI_MSI_MASK_32}: the base MSI capability, as {@code vfio_msi_cap_len} counts it. */
    private static final int MSI_MASK_32 = 0x0c;

    private final VfioPciDevice vdev;
    private final ConfigSpace phys;
    private final byte[] vconfig = new byte[PciRegs.CONFIG_SIZE];
    private final byte[] virt = new byte[PciRegs.CONFIG_SIZE];
    private final byte[] write = new byte[PciRegs.CONFIG_SIZE];
    /** {@code pci_config_map}: the capability id each byte belongs to. */
    private final int[] configMap = new int[PciRegs.CONFIG_SIZE];
    private final int msiCap;
    private boolean bardirty = true;

    /** {@code vfio_config_init}: {@code vconfig} starts as a copy of the function's config space. */
    VfioPciConfig(VfioPciDevice vdev) {
        this.vdev = vdev;
        this.phys = vdev.pdev().config();
        for (int pos = 0; pos < PciRegs.CONFIG_SIZE; pos += 4) {
            put(vconfig, pos, 4, phys.read(pos, 4));
        }
        Arrays.fill(configMap, CAP_ID_INVALID);
        Arrays.fill(configMap, 0, HEADER_SIZE, CAP_ID_BASIC);
        initBasicPerms();
        OptionalInt msi = phys.findCapability(PciRegs.CAP_ID_MSI);
        msiCap = msi.orElse(-1);
        if (msi.isPresent()) {
            initMsiPerms(msiCap);
        }
        markOtherCapabilities();
    }

    /** {@code init_pci_cap_basic_perm}. */
    private void initBasicPerms() {
        setPerm(PciRegs.VENDOR_ID, 2, 0xffff, 0);
        setPerm(PciRegs.DEVICE_ID, 2, 0xffff, 0);
        // INTx disable is virtual: vfio-pci drives the real bit to mask INTx
        setPerm(PciRegs.COMMAND, 2, PciRegs.COMMAND_INTX_DISABLE, 0xffff);
        // the capability list could be edited here, so its bit is virtual
        setPerm(PciRegs.STATUS, 2, PciRegs.STATUS_CAP_LIST, 0);
        setPerm(CACHE_LINE_SIZE, 1, 0, 0xff);
        setPerm(LATENCY_TIMER, 1, 0, 0xff);
        setPerm(BIST, 1, 0, 0xff);
        // every BAR and the ROM BAR are virtual: the user never moves the real ones
        for (int bar = 0; bar < PciRegs.BAR_COUNT; bar++) {
            setPerm(PciRegs.BASE_ADDRESS_0 + 4 * bar, 4, -1, -1);
        }
        setPerm(ROM_ADDRESS, 4, -1, -1);
        setPerm(PciRegs.CAPABILITY_LIST, 1, 0xff, 0);
        setPerm(PciRegs.INTERRUPT_LINE, 1, 0xff, 0xff);
    }

    /** {@code init_pci_cap_msi_perm}: the MSI capability is entirely virtual; SET_IRQS drives the real one. */
    private void initMsiPerms(int cap) {
        int flags = phys.read(cap + PciRegs.MSI_FLAGS, 2);
        int len = MSI_MASK_32 + ((flags & PciRegs.MSI_FLAGS_64BIT) != 0 ? 4 : 0)
                + ((flags & MSI_FLAGS_MASKBIT) != 0 ? 10 : 0);
        Arrays.fill(configMap, cap, Math.min(cap + len, PciRegs.CONFIG_SIZE), PciRegs.CAP_ID_MSI);
        setPerm(cap, 1, 0xff, 0);
        setPerm(cap + 1, 1, 0xff, 0);
        setPerm(cap + PciRegs.MSI_FLAGS, 1, 0xff, 0xff);
        setPerm(cap + PciRegs.MSI_ADDRESS_LO, 4, -1, -1);
        if ((flags & PciRegs.MSI_FLAGS_64BIT) != 0) {
            setPerm(cap + PciRegs.MSI_ADDRESS_HI, 4, -1, -1);
            setPerm(cap + PciRegs.MSI_DATA_64, 2, 0xffff, 0xffff);
        } else {
            // PCI_MSI_DATA_32 sits where a 64-bit capability has its upper address
            setPerm(cap + PciRegs.MSI_ADDRESS_HI, 2, 0xffff, 0xffff);
        }
    }

    /** {@code vfio_cap_init} for capabilities without perms: they read through and drop writes. */
    private void markOtherCapabilities() {
        for (int pos : phys.capabilities()) {
            if (configMap[pos] == CAP_ID_INVALID) {
                // a capability header at least: id and next pointer
                configMap[pos] = phys.read(pos, 1);
                configMap[pos + 1] = configMap[pos];
            }
        }
    }

    private void setPerm(int pos, int size, int virtBits, int writeBits) {
        put(virt, pos, size, virtBits);
        put(write, pos, size, writeBits);
    }

    // ---- the CONFIG region ---------------------------------------------------------------------

    /**
     * {@code vfio_pci_config_rw}: keeps the caller's access size where alignment allows, so a large
     * read goes by dwords, and splits unaligned accesses, which PCI has not.
     *
     * @return the bytes transferred; the position advances by as many
     * @throws KernelException EFAULT past the config space or for a bad buffer
     */
    long rw(AddressSpace memory, long buf, long count, FilePosition position, boolean iswrite)
            throws KernelException {
        long pos = position.get() & VfioPci.VFIO_PCI_OFFSET_MASK;
        long done = 0;
        while (done < count) {
            int size = VfioPciRdwr.accessSize(pos, count - done);
            doRw(memory, buf + done, size, pos, iswrite);
            done += size;
            pos += size;
        }
        position.advance(done);
        return done;
    }

    /** {@code vfio_config_do_rw}: one access, by the perms of the capability it starts in. */
    private void doRw(AddressSpace memory, long buf, int size, long pos, boolean iswrite) throws KernelException {
        if (pos + size > PciRegs.CONFIG_SIZE) {
            throw new KernelException(Errno.EFAULT);
        }
        int at = (int) pos;
        if (iswrite) {
            int val = (int) memory.load(buf, size);
            synchronized (this) {
                configWrite(at, size, val);
            }
            afterWrite(at, size);
        } else {
            int val;
            synchronized (this) {
                val = configRead(at, size);
            }
            memory.store(buf, size, val);
        }
    }

    private int configRead(int pos, int size) {
        int capId = configMap[pos];
        if (capId == CAP_ID_INVALID) {
            return phys.read(pos, size);
        }
        if (capId == CAP_ID_BASIC && isBar(pos)) {
            barFixup();
        }
        return defaultRead(pos, size);
    }

    private void configWrite(int pos, int size, int val) {
        int capId = configMap[pos];
        if (capId == CAP_ID_INVALID) {
            phys.write(pos, size, val);
        } else if (capId == CAP_ID_BASIC) {
            defaultWrite(pos, size, val);
            if (isBar(pos)) {
                bardirty = true;
            }
        } else if (capId == PciRegs.CAP_ID_MSI) {
            msiWrite(pos, size, val);
        }
        // other capabilities are read-only (cap_perms' default has no writefn)
    }

    /**
     * {@code vfio_basic_config_write}'s INTx emulation, done outside the config lock because
     * masking takes the interrupt lock and writes the real COMMAND.
     */
    private void afterWrite(int pos, int size) {
        if (configMap[pos] != CAP_ID_BASIC || pos > PciRegs.COMMAND + 1 || pos + size <= PciRegs.COMMAND) {
            return;
        }
        boolean virtIntxDisable;
        synchronized (this) {
            virtIntxDisable = (get(vconfig, PciRegs.COMMAND, 2) & PciRegs.COMMAND_INTX_DISABLE) != 0;
        }
        vdev.intrs().followVirtualIntxDisable(virtIntxDisable);
    }

    /** {@code vfio_default_config_read}: virtual bits from {@code vconfig}, the rest from the function. */
    private int defaultRead(int pos, int size) {
        int virtBits = get(virt, pos, size);
        int val = get(vconfig, pos, size);
        if (virtBits != sizeMask(size)) {
            val = val & virtBits | phys.read(pos, size) & ~virtBits;
        }
        return val;
    }

    /** {@code vfio_default_config_write}: writable virtual bits to {@code vconfig}, the other writable bits to the function. */
    private void defaultWrite(int pos, int size, int val) {
        int writeBits = get(write, pos, size);
        int virtBits = get(virt, pos, size);
        if ((writeBits & virtBits) != 0) {
            int mask = writeBits & virtBits;
            put(vconfig, pos, size, get(vconfig, pos, size) & ~mask | val & mask);
        }
        if ((writeBits & ~virtBits) != 0) {
            int mask = writeBits & ~virtBits;
            phys.write(pos, size, phys.read(pos, size) & ~mask | val & mask);
        }
    }

    /**
     * {@code vfio_msi_config_write}: the enable bit stays only while SET_IRQS has MSI enabled, and a
     * queue size above what the capability offers falls back to what SET_IRQS enabled.
     */
    private void msiWrite(int pos, int size, int val) {
        defaultWrite(pos, size, val);
        int offset = pos - msiCap;
        if (offset <= PciRegs.MSI_FLAGS && offset + size >= PciRegs.MSI_FLAGS) {
            int flagsPos = msiCap + PciRegs.MSI_FLAGS;
            int flags = get(vconfig, flagsPos, 2);
            if (!vdev.intrs().isMsi()) {
                flags &= ~PciRegs.MSI_FLAGS_ENABLE;
            }
            if ((flags & PciRegs.MSI_FLAGS_QSIZE) >> 4 > (flags & PciRegs.MSI_FLAGS_QMASK) >> 1) {
                flags = flags & ~PciRegs.MSI_FLAGS_QSIZE | vdev.intrs().msiQmax() << 4;
            }
            put(vconfig, flagsPos, 2, flags);
        }
    }

    private static boolean isBar(int pos) {
        return pos >= PciRegs.BASE_ADDRESS_0 && pos < PciRegs.BASE_ADDRESS_0 + 4 * PciRegs.BAR_COUNT
                || pos >= ROM_ADDRESS && pos < ROM_ADDRESS + 4;
    }

    /**
     * {@code vfio_bar_fixup}: after a write, each virtual BAR keeps only its address bits, the rest
     * being the real BAR's type bits, so writing all ones reads back the size mask. A BAR the
     * function does not implement, and the ROM BAR of a function without ROM, read 0.
     */
    private void barFixup() {
        if (!bardirty) {
            return;
        }
        for (int i = 0; i < PciRegs.BAR_COUNT; i++) {
            int pos = PciRegs.BASE_ADDRESS_0 + 4 * i;
            long size = vdev.pdev().bar(i).map(PciBar::size).orElse(0L);
            int val = size == 0 ? 0 : get(vconfig, pos, 4) & (int) ~(size - 1) | phys.read(pos, 4) & 0xf;
            put(vconfig, pos, 4, val);
        }
        put(vconfig, ROM_ADDRESS, 4, 0);
        bardirty = false;
    }

    // ---- little-endian helpers -----------------------------------------------------------------

    private static int sizeMask(int size) {
        return size == 4 ? -1 : (1 << 8 * size) - 1;
    }


}
