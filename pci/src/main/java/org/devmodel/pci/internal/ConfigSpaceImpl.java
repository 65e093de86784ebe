package org.devmodel.pci.internal;

import static org.devmodel.pci.ConfigBytes.get;
import static org.devmodel.pci.ConfigBytes.put;

import java.util.Arrays;
import java.util.List;
import org.devmodel.pci.ConfigSpace;
import org.devmodel.pci.PciRegs;
import org.devmodel.pci.emul.ConfigHeader;
import org.devmodel.pci.emul.EmulatedBar;

/**
 * A function's config space as QEMU keeps it: the bytes, a mask of the bits a write may change,
 * and the power-on bytes a reset restores. BAR sizing needs no code: a BAR's writable bits are its
 * address bits, so writing all ones reads back the size mask. As QEMU's {@code pci_init_wmask}
 * makes it, everything after the standard header is writable unless a capability narrows it.
 */
final class ConfigSpaceImpl implements ConfigSpace {
    /** QEMU's {@code msi_init} places the first capability right after the type 0 header. */
    static final int MSI_CAP = 0x40;

    private final byte[] bytes = new byte[PciRegs.CONFIG_SIZE];
    private final byte[] writable = new byte[PciRegs.CONFIG_SIZE];
    private final byte[] powerOn;
    /** Where device-specific space starts: the end of the last capability. */
    private final int deviceSpecific;
    private final Runnable afterWrite;

    /**
     * @param header the model's identity
     * @param bars the memory BARs
     * @param afterWrite runs after every write, outside this object's lock, so the function can
     *     follow COMMAND's INTx-disable bit
     */
    ConfigSpaceImpl(ConfigHeader header, List<EmulatedBar> bars, Runnable afterWrite) {
        this.afterWrite = afterWrite;
        put(bytes, PciRegs.VENDOR_ID, 2, header.vendor());
        put(bytes, PciRegs.DEVICE_ID, 2, header.device());
        put(bytes, PciRegs.REVISION_ID, 1, header.revision());
        put(bytes, PciRegs.CLASS_PROG, 3, header.classCode());
        put(bytes, PciRegs.SUBSYSTEM_VENDOR_ID, 2, header.subsystemVendor());
        put(bytes, PciRegs.SUBSYSTEM_ID, 2, header.subsystemDevice());
        put(bytes, PciRegs.INTERRUPT_PIN, 1, header.interruptPin());
        put(writable, PciRegs.COMMAND, 2, PciRegs.COMMAND_IO | PciRegs.COMMAND_MEMORY | PciRegs.COMMAND_MASTER
                | PciRegs.COMMAND_INTX_DISABLE);
        put(writable, PciRegs.CACHE_LINE_SIZE, 1, 0xff);
        put(writable, PciRegs.INTERRUPT_LINE, 1, 0xff);
        Arrays.fill(writable, PciRegs.STD_HEADER_SIZEOF, PciRegs.CONFIG_SIZE, (byte) 0xff);
        for (EmulatedBar bar : bars) {
            // a 32-bit memory BAR: the type bits read 0, the address bits above the size are writable
            put(writable, PciRegs.BASE_ADDRESS_0 + 4 * bar.index(), 4, (int) ~(bar.size() - 1) & ~0xf);
        }
        if (header.msiVectors() > 0) {
            addMsiCapability(header.msiVectors());
            deviceSpecific = MSI_CAP + PciRegs.MSI_64_SIZEOF;
        } else {
            deviceSpecific = PciRegs.STD_HEADER_SIZEOF;
        }
        this.powerOn = bytes.clone();
    }

    private void addMsiCapability(int vectors) {
        put(bytes, PciRegs.STATUS, 2, PciRegs.STATUS_CAP_LIST);
        put(bytes, PciRegs.CAPABILITY_LIST, 1, MSI_CAP);
        put(bytes, MSI_CAP, 1, PciRegs.CAP_ID_MSI);
        // pci_add_capability: read-only, then msi_init opens the fields software programs
        Arrays.fill(writable, MSI_CAP, MSI_CAP + PciRegs.MSI_64_SIZEOF, (byte) 0);
        int multipleMessageCapable = Integer.numberOfTrailingZeros(vectors) << 1;
        put(bytes, MSI_CAP + PciRegs.MSI_FLAGS, 2, PciRegs.MSI_FLAGS_64BIT | multipleMessageCapable);
        put(writable, MSI_CAP + PciRegs.MSI_FLAGS, 2, PciRegs.MSI_FLAGS_ENABLE | PciRegs.MSI_FLAGS_QSIZE);
        put(writable, MSI_CAP + PciRegs.MSI_ADDRESS_LO, 4, ~3);
        put(writable, MSI_CAP + PciRegs.MSI_ADDRESS_HI, 4, ~0);
        put(writable, MSI_CAP + PciRegs.MSI_DATA_64, 2, 0xffff);
    }

    @Override
    public int read(int offset, int size) {
        check(offset, size);
        synchronized (this) {
            return get(bytes, offset, size);
        }
    }

    @Override
    public void write(int offset, int size, int value) {
        check(offset, size);
        synchronized (this) {
            int mask = get(writable, offset, size);
            put(bytes, offset, size, get(bytes, offset, size) & ~mask | value & mask);
        }
        afterWrite.run();
    }

    /** Sets or clears read-only STATUS bits the device drives, such as the INTx status. */
    synchronized void setStatus(int bits, boolean set) {
        int status = get(bytes, PciRegs.STATUS, 2);
        put(bytes, PciRegs.STATUS, 2, set ? status | bits : status & ~bits);
    }

    /**
     * Restores the power-on bytes of the header and the capabilities: COMMAND clear, BARs
     * unassigned, MSI disabled. Device-specific space keeps what was written, as QEMU's
     * {@code pci_do_device_reset} leaves it alone.
     */
    synchronized void reset() {
        System.arraycopy(powerOn, 0, bytes, 0, deviceSpecific);
    }

    /** {@return the vectors MSI's multiple-message-enable field enables} */
    int msiEnabledVectors() {
        return 1 << ((read(MSI_CAP + PciRegs.MSI_FLAGS, 2) & PciRegs.MSI_FLAGS_QSIZE) >> 4);
    }

    private static void check(int offset, int size) {
        if (size != 1 && size != 2 && size != 4 || offset < 0 || offset + size > PciRegs.CONFIG_SIZE) {
            throw new IllegalArgumentException("bad config access of " + size + " bytes at " + offset);
        }
    }


}
