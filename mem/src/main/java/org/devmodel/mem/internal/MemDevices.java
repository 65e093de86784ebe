package org.devmodel.mem.internal;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.devmodel.core.BuiltinSubsystem;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.device.DevnodeSpec;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.proc.Task;

/**
 * {@code chr_dev_init}: char major 1 ({@code "mem"}), class {@code mem} and one device per entry of
 * {@code devlist}, started at {@code fs_initcall} level, after misc.
 *
 * <p>{@code mem} (1:1), {@code kmem}, {@code port} and {@code kmsg} (1:11) are not modelled: the
 * first three expose physical memory and I/O ports, and {@code kmsg} would need the log's sequence
 * numbers; their minors answer ENXIO, as an empty {@code devlist} slot does.
 */
public final class MemDevices implements BuiltinSubsystem {
    /** {@code MEM_MAJOR}. */
    static final int MEM_MAJOR = 1;
    /** The kernel command-line parameter that seeds {@code random} and {@code urandom}. */
    static final String SEED_PARAMETER = "random.seed";

    /** Called once per kernel by the kernel's {@link java.util.ServiceLoader}. */
    public MemDevices() {
    }

    /** One slot of {@code devlist}: the node's name, its mode (0 keeps the default) and operations. */
    private record MemDev(String name, int mode, FileOperations fops) {
    }

    @Override
    public String name() {
        return "mem";
    }

    @Override
    public int initLevel() {
        return FS;
    }

    /**
     * {@code chr_dev_init}: a taken major is only logged and a failed {@code device_create} ignored, as
     * in v3.14; only {@code class_create} can fail the boot.
     *
     * @throws KernelException {@code class_create}'s errno
     */
    @Override
    public void init(Kernel kernel) throws KernelException {
        long seed = kernel.options().commandLine().get(SEED_PARAMETER).map(text -> parseSeed(kernel, text)).orElse(0L);
        Map<Integer, MemDev> devlist = devlist(new EntropyPool(seed));
        try {
            kernel.chrdev().registerChrdev(MEM_MAJOR, "mem", new MemoryOpen(devlist));
        } catch (KernelException e) {
            kernel.log().err("unable to get major " + MEM_MAJOR + " for memory devs");
        }
        DeviceClass memClass = kernel.devices().classCreate("mem", device -> memDevnode(devlist, device));
        for (Map.Entry<Integer, MemDev> slot : devlist.entrySet()) {
            try {
                kernel.devices().deviceCreate(memClass, null, DevT.of(MEM_MAJOR, slot.getKey()), null,
                        slot.getValue().name());
            } catch (KernelException e) {
                // chr_dev_init ignores device_create's ERR_PTR: the node is simply missing
                kernel.log().debug("mem: no device " + slot.getValue().name() + ": " + e.errno().name());
            }
        }
    }

    private static Map<Integer, MemDev> devlist(EntropyPool pool) {
        Map<Integer, MemDev> devlist = new TreeMap<>();
        devlist.put(3, new MemDev("null", 0666, new NullOperations()));
        devlist.put(5, new MemDev("zero", 0666, new ZeroOperations()));
        devlist.put(7, new MemDev("full", 0666, new FullOperations()));
        devlist.put(8, new MemDev("random", 0666, new RandomOperations(pool)));
        devlist.put(9, new MemDev("urandom", 0666, new RandomOperations(pool)));
        return devlist;
    }

    /** A bad value is logged and replaced by 0, as the kernel ignores a parameter it cannot parse. */
    private static long parseSeed(Kernel kernel, String text) {
        try {
            return Long.decode(text);
        } catch (NumberFormatException e) {
            kernel.log().warn(SEED_PARAMETER + "=" + text + ": not a number, seeding with 0");
            return 0;
        }
    }

    /** {@code mem_devnode}: the default name, and {@code devlist}'s mode where it has one. */
    private static DevnodeSpec memDevnode(Map<Integer, MemDev> devlist, Device device) {
        int mode = device.devt().map(DevT::minor).map(devlist::get).map(MemDev::mode).orElse(0);
        return new DevnodeSpec(Optional.empty(), mode);
    }

    /** {@code memory_fops}: {@code memory_open} hands the file to the operations of its minor. */
    private record MemoryOpen(Map<Integer, MemDev> devlist) implements FileOperations {
        @Override
        public void open(Inode inode, OpenFile file, Task current) throws KernelException {
            MemDev dev = devlist.get(inode.minor());
            if (dev == null) {
                throw new KernelException(Errno.ENXIO);
            }
            file.replaceOperations(dev.fops());
        }

        /** {@code noop_llseek}. */
        @Override
        public long llseek(OpenFile file, long offset, int whence) {
            return file.position().get();
        }
    }
}
