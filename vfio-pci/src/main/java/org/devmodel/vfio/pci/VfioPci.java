package org.devmodel.vfio.pci;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_FLAGS_PCI;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_FLAGS_RESET;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_GET_IRQ_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_GET_PCI_HOT_RESET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_PCI_HOT_RESET;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_GET_REGION_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_RESET;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_SET_IRQS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_INFO_AUTOMASKED;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_INFO_EVENTFD;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_INFO_MASKABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_INFO_NORESIZE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_ACTION_TYPE_MASK;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_DATA_BOOL;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_DATA_EVENTFD;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_DATA_NONE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_DATA_TYPE_MASK;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_BAR5_REGION_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_CONFIG_REGION_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_ERR_IRQ_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_NUM_IRQS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_NUM_REGIONS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_ROM_REGION_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_VGA_REGION_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_REGION_INFO_FLAG_MMAP;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_REGION_INFO_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_REGION_INFO_FLAG_WRITE;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_DEVICE_INFO;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IRQ_INFO;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IRQ_SET;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_PCI_HOT_RESET;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_PCI_HOT_RESET_INFO;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_REGION_INFO;

import java.util.List;
import java.util.Optional;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.MmapRequest;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.KernelModuleInfo;
import org.devmodel.core.module.KernelModuleInfo.Param;
import org.devmodel.core.module.KernelModuleInfo.ParamType;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.core.proc.Task;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciBar;
import org.devmodel.pci.PciDeviceId;
import org.devmodel.pci.PciDriver;
import org.devmodel.pci.PciFunction;
import org.devmodel.pci.PciRegs;
import org.devmodel.vfio.VfioDeviceOps;
import org.devmodel.vfio.VfioRegistry;

/**
 * The {@code vfio_pci} module, laid out as {@code drivers/vfio/pci/vfio_pci.c} of v3.14: the
 * device fd ops ({@code open}/{@code release}, the ioctls, read/write, mmap), the PCI driver
 * ({@code probe}/{@code remove}), then {@code init} and {@code exit}.
 *
 * <p>v3.14's vfio-pci has no id table: a function is bound by {@code new_id} or, in devmodel, by
 * {@code driver_override} and {@code bind}. The loader makes a fresh instance for every load, so
 * {@code driver_lock} and {@code nointxmask} live in fields.
 */
@KernelModuleInfo(name = "vfio_pci", version = VfioPci.DRIVER_VERSION, description = VfioPci.DRIVER_DESC,
        author = VfioPci.DRIVER_AUTHOR, license = "GPL v2",
        parameters = @Param(name = "nointxmask", type = ParamType.BOOL, defaultValue = "N",
                description = "Disable support for PCI 2.3 style INTx masking.  If this resolves problems for"
                        + " specific devices, report lspci -vvvxxx to linux-pci@vger.kernel.org so the device"
                        + " can be fixed automatically via the broken_intx_masking flag."))
public final class VfioPci implements KernelModule, PciDriver, VfioDeviceOps<VfioPciDevice> {
    /** {@code DRIVER_VERSION}. */
    static final String DRIVER_VERSION = "0.2";
    /** {@code DRIVER_AUTHOR}. */
    static final String DRIVER_AUTHOR = "Alex Williamson <alex.williamson@redhat.com>";
    /** {@code DRIVER_DESC}. */
    static final String DRIVER_DESC = "VFIO PCI - User Level meta-driver";
    /** {@code VFIO_PCI_OFFSET_SHIFT}: a region's index sits above bit 40 of the device fd's offset. */
    static final int VFIO_PCI_OFFSET_SHIFT = 40;
    /** {@code VFIO_PCI_OFFSET_MASK}: the offset within the region. */
    static final long VFIO_PCI_OFFSET_MASK = (1L << VFIO_PCI_OFFSET_SHIFT) - 1;

    /** {@code driver_lock}: serialises the first open and the last release of every device. */
    private final Object driverLock = new Object();
    private Kernel kernel;
    private Pci pci;
    private VfioRegistry vfio;
    private boolean nointxmask;

    /**
     * {@return the file offset where a region starts ({@code VFIO_PCI_INDEX_TO_OFFSET})}
     *
     * @param index the region index
     */
    static long indexToOffset(int index) {
        return (long) index << VFIO_PCI_OFFSET_SHIFT;
    }

    /**
     * {@return the region index of a file offset ({@code VFIO_PCI_OFFSET_TO_INDEX})}
     *
     * @param offset the file offset
     */
    static long offsetToIndex(long offset) {
        return offset >>> VFIO_PCI_OFFSET_SHIFT;
    }

    // ---- device fd: open and release -----------------------------------------------------------

    /** {@code vfio_pci_open}: pins this module, then enables the device on its first open. */
    @Override
    public void open(VfioPciDevice vdev) throws KernelException {
        if (!kernel.moduleReferences().tryGet(this)) {
            throw new KernelException(Errno.ENODEV, "vfio-pci: module going away");
        }
        synchronized (driverLock) {
            try {
                vdev.open();
            } catch (KernelException | RuntimeException e) {
                kernel.moduleReferences().put(this);
                throw e;
            }
        }
    }

    /** {@code vfio_pci_release}: disables the device with its last fd, then unpins this module. */
    @Override
    public void release(VfioPciDevice vdev) {
        synchronized (driverLock) {
            vdev.release();
        }
        kernel.moduleReferences().put(this);
    }

    // ---- device fd: ioctls ---------------------------------------------------------------------

    /** {@code vfio_pci_ioctl}: a flat switch with one helper per command; anything else is ENOTTY. */
    @Override
    public long ioctl(VfioPciDevice vdev, Task current, int cmd, long arg) throws KernelException {
        AddressSpace memory = current.memory();
        return switch (cmd) {
            case VFIO_DEVICE_GET_INFO -> getInfo(vdev, memory, arg);
            case VFIO_DEVICE_GET_REGION_INFO -> getRegionInfo(vdev, memory, arg);
            case VFIO_DEVICE_GET_IRQ_INFO -> getIrqInfo(vdev, memory, arg);
            case VFIO_DEVICE_SET_IRQS -> setIrqs(vdev, current, arg);
            case VFIO_DEVICE_RESET -> reset(vdev);
            case VFIO_DEVICE_GET_PCI_HOT_RESET_INFO -> hotReset(memory, arg, false);
            case VFIO_DEVICE_PCI_HOT_RESET -> hotReset(memory, arg, true);
            default -> throw new KernelException(Errno.ENOTTY);
        };
    }

    /**
     * Copies in {@code minsz = offsetofend(lastField)} bytes and refuses {@code argsz < minsz} with
     * EINVAL, as every command begins.
     */
    private static StructValue copyIn(AddressSpace memory, long arg, StructLayout layout, String lastField)
            throws KernelException {
        int minsz = layout.offsetofend(lastField);
        StructValue value = StructValue.copyPrefixFromUser(memory, arg, layout, minsz);
        if (value.get("argsz") < minsz) {
            throw new KernelException(Errno.EINVAL, "vfio-pci: " + layout.name() + " argsz below " + minsz);
        }
        return value;
    }

    /** Copies back the {@code minsz} bytes the command read. */
    private static long copyOut(AddressSpace memory, long arg, StructValue value, String lastField)
            throws KernelException {
        value.copyToUser(memory, arg, value.layout().offsetofend(lastField));
        return 0;
    }

    /** {@code VFIO_DEVICE_GET_INFO}: PCI, RESET when the function can be reset; 9 regions, 4 IRQ indexes. */
    private static long getInfo(VfioPciDevice vdev, AddressSpace memory, long arg) throws KernelException {
        StructValue info = copyIn(memory, arg, VFIO_DEVICE_INFO, "num_irqs");
        info.set("flags", VFIO_DEVICE_FLAGS_PCI | (vdev.resetWorks() ? VFIO_DEVICE_FLAGS_RESET : 0));
        info.set("num_regions", VFIO_PCI_NUM_REGIONS);
        info.set("num_irqs", VFIO_PCI_NUM_IRQS);
        return copyOut(memory, arg, info, "num_irqs");
    }

    /**
     * {@code VFIO_DEVICE_GET_REGION_INFO}. An absent BAR answers size 0 and no flags; the ROM answers
     * the ROM BAR's size, READ only when a ROM is really there (none of devmodel's models has one);
     * VGA is EINVAL for a function that is no VGA device, as is any index past it.
     */
    private static long getRegionInfo(VfioPciDevice vdev, AddressSpace memory, long arg) throws KernelException {
        StructValue info = copyIn(memory, arg, VFIO_REGION_INFO, "offset");
        long index = info.get("index");
        long flags = 0;
        long size = 0;
        if (index == VFIO_PCI_CONFIG_REGION_INDEX) {
            size = PciRegs.CONFIG_SIZE;
            flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
        } else if (index <= VFIO_PCI_BAR5_REGION_INDEX) {
            Optional<PciBar> bar = vdev.pdev().bar((int) index);
            size = bar.map(PciBar::size).orElse(0L);
            if (size != 0) {
                // every devmodel BAR is a memory BAR
                flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE
                        | (size >= AddressSpace.PAGE_SIZE ? VFIO_REGION_INFO_FLAG_MMAP : 0);
            }
        } else if (index != VFIO_PCI_ROM_REGION_INDEX) {
            // VFIO_PCI_VGA_REGION_INDEX needs has_vga; the models have no VGA class
            throw new KernelException(Errno.EINVAL);
        }
        info.set("flags", flags).set("size", size).set("offset", indexToOffset((int) index));
        return copyOut(memory, arg, info, "offset");
    }

    /**
     * {@code VFIO_DEVICE_GET_IRQ_INFO}: INTx is maskable and automasked, the others cannot be resized;
     * ERR exists only on PCI Express functions, which devmodel's platform has none of.
     */
    private static long getIrqInfo(VfioPciDevice vdev, AddressSpace memory, long arg) throws KernelException {
        StructValue info = copyIn(memory, arg, VFIO_IRQ_INFO, "count");
        long index = info.get("index");
        if (index >= VFIO_PCI_ERR_IRQ_INDEX) {
            throw new KernelException(Errno.EINVAL);
        }
        long flags = VFIO_IRQ_INFO_EVENTFD | (index == VfioPciIntrs.INTX
                ? VFIO_IRQ_INFO_MASKABLE | VFIO_IRQ_INFO_AUTOMASKED : VFIO_IRQ_INFO_NORESIZE);
        info.set("flags", flags).set("count", vdev.intrs().irqCount((int) index));
        return copyOut(memory, arg, info, "count");
    }

    /**
     * {@code VFIO_DEVICE_SET_IRQS}, with v3.14's checks: the header, then, unless DATA_NONE, the
     * range against the index's count and the data (one byte per BOOL, one s32 per EVENTFD).
     */
    private static long setIrqs(VfioPciDevice vdev, Task current, long arg) throws KernelException {
        StructValue hdr = copyIn(current.memory(), arg, VFIO_IRQ_SET, "count");
        int minsz = VFIO_IRQ_SET.offsetofend("count");
        long flags = hdr.get("flags");
        long index = hdr.get("index");
        long start = hdr.get("start");
        long count = hdr.get("count");
        if (index >= VFIO_PCI_NUM_IRQS || (flags & ~(VFIO_IRQ_SET_DATA_TYPE_MASK | VFIO_IRQ_SET_ACTION_TYPE_MASK)) != 0) {
            throw new KernelException(Errno.EINVAL);
        }
        byte[] data = null;
        if ((flags & VFIO_IRQ_SET_DATA_NONE) == 0) {
            int size;
            if ((flags & VFIO_IRQ_SET_DATA_BOOL) != 0) {
                size = Byte.BYTES;
            } else if ((flags & VFIO_IRQ_SET_DATA_EVENTFD) != 0) {
                size = Integer.BYTES;
            } else {
                throw new KernelException(Errno.EINVAL);
            }
            long max = vdev.intrs().irqCount((int) index);
            if (hdr.get("argsz") - minsz < count * size || start >= max || start + count > max) {
                throw new KernelException(Errno.EINVAL);
            }
            data = current.memory().copyFromUser(arg + minsz, (int) (count * size));
        }
        return vdev.intrs().setIrqs(current, (int) flags, (int) index, (int) start, (int) count, data);
    }

    /** {@code VFIO_DEVICE_RESET}: EINVAL for a function without a reset method, such as edu. */
    private static long reset(VfioPciDevice vdev) throws KernelException {
        if (!vdev.resetWorks()) {
            throw new KernelException(Errno.EINVAL);
        }
        vdev.pdev().reset();
        return 0;
    }

    /**
     * {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO} and {@code VFIO_DEVICE_PCI_HOT_RESET}: after the
     * header checks, ENODEV, as v3.14 answers when neither the slot nor the bus can be reset (no
     * devmodel platform models a bridge with a secondary bus reset).
     */
    private static long hotReset(AddressSpace memory, long arg, boolean reset) throws KernelException {
        StructValue hdr = copyIn(memory, arg, reset ? VFIO_PCI_HOT_RESET : VFIO_PCI_HOT_RESET_INFO, "count");
        if (reset && hdr.get("flags") != 0) {
            throw new KernelException(Errno.EINVAL);
        }
        throw new KernelException(Errno.ENODEV);
    }

    // ---- device fd: read, write, mmap ----------------------------------------------------------

    @Override
    public long read(VfioPciDevice vdev, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return count == 0 ? 0 : rw(vdev, current, buf, count, position, false);
    }

    @Override
    public long write(VfioPciDevice vdev, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return count == 0 ? 0 : rw(vdev, current, buf, count, position, true);
    }

    /** {@code vfio_pci_rw}: dispatches on the region index in the offset's top bits. */
    private static long rw(VfioPciDevice vdev, Task current, long buf, long count, FilePosition position,
            boolean iswrite) throws KernelException {
        long index = offsetToIndex(position.get());
        if (index == VFIO_PCI_CONFIG_REGION_INDEX) {
            return vdev.config().rw(current.memory(), buf, count, position, iswrite);
        } else if (index <= VFIO_PCI_BAR5_REGION_INDEX) {
            return VfioPciRdwr.barRw(vdev.pdev(), current.memory(), buf, count, position, iswrite);
        } else if (index == VFIO_PCI_ROM_REGION_INDEX) {
            // no ROM is mapped by any devmodel model: pci_resource_start of the ROM is 0
            throw new KernelException(Errno.EINVAL);
        }
        // VFIO_PCI_VGA_REGION_INDEX needs has_vga, and any index past it is EINVAL
        throw new KernelException(Errno.EINVAL);
    }

    /**
     * {@code vfio_pci_mmap}: a BAR of at least a page, in range; the mapping reaches the device's
     * registers directly (devmodel's {@code remap_pfn_range}).
     */
    @Override
    public MmioHandler mmap(VfioPciDevice vdev, Task current, MmapRequest request) throws KernelException {
        long index = offsetToIndex(request.offset());
        // device memory cannot be copied on write: v3.14 refuses a mapping without VM_SHARED
        if (!request.shared() || index >= VFIO_PCI_ROM_REGION_INDEX) {
            throw new KernelException(Errno.EINVAL);
        }
        PciBar bar = vdev.pdev().bar((int) index).orElseThrow(() -> new KernelException(Errno.EINVAL));
        long start = request.offset() & VFIO_PCI_OFFSET_MASK;
        if (bar.size() < AddressSpace.PAGE_SIZE || start + request.length() > bar.size()) {
            throw new KernelException(Errno.EINVAL);
        }
        return start == 0 ? bar : new MmioHandler() {
            @Override
            public long read(long offset, int size) {
                return bar.read(start + offset, size);
            }

            @Override
            public void write(long offset, int size, long value) {
                bar.write(start + offset, size, value);
            }
        };
    }

    // ---- PCI driver ----------------------------------------------------------------------------

    @Override
    public String name() {
        return "vfio-pci";
    }

    @Override
    public List<PciDeviceId> idTable() {
        return List.of();
    }

    /**
     * {@code vfio_pci_probe}: only type 0 headers; the function goes to VFIO with its
     * {@code vfio_pci_device}, which receives its interrupts from now on. devmodel also turns on
     * memory decoding here (bus mastering stays off until the user sets it in COMMAND).
     */
    @Override
    public void probe(PciFunction pdev) throws KernelException {
        if ((pdev.config().read(PciRegs.HEADER_TYPE, 1) & 0x7f) != 0) {
            throw new KernelException(Errno.EINVAL);
        }
        VfioPciDevice vdev = new VfioPciDevice(pdev, nointxmask, kernel.log());
        vfio.addGroupDev(pdev.device(), this, vdev);
        pdev.setInterruptHandler(vdev.intrs());
        pdev.config().write(PciRegs.COMMAND, 2, pdev.config().command() | PciRegs.COMMAND_MEMORY);
    }

    /** {@code vfio_pci_remove}: waits, in {@code vfio_del_group_dev}, for the device's fds to close. */
    @Override
    public void remove(PciFunction pdev) {
        vfio.delGroupDev(pdev.device());
    }

    // ---- init and exit -------------------------------------------------------------------------

    /** {@code vfio_pci_init}: registers the PCI driver, which binds the functions already named for it. */
    @Override
    public void init(ModuleContext ctx) throws KernelException {
        kernel = ctx.kernel();
        nointxmask = ctx.parameters().bool("nointxmask");
        vfio = ctx.dependency(VfioRegistry.class);
        pci = kernel.subsystem(Pci.class).orElseThrow(() -> new IllegalStateException("vfio-pci: no PCI bus"));
        // the perm bits and the virqfd workqueue of v3.14's init are plain memory here: nothing to unwind
        pci.registerDriver(this);
    }

    /** {@code vfio_pci_cleanup}: unbinding each function waits for its device fds to close. */
    @Override
    public void exit() {
        pci.unregisterDriver(this);
    }
}
