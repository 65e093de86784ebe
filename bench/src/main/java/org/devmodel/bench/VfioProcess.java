package org.devmodel.bench;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.IoctlTable;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Task;
import org.devmodel.pci.Pci;

/**
 * A userspace VFIO program on a freshly booted default-platform kernel: edu (0000:00:03.0, IOMMU
 * group 3) bound to vfio-pci, a container with the group and the type1 backend. It uses only
 * exported API and takes ioctl numbers, constants and struct layouts from the ioctl descriptions
 * the modules ship, as a C program takes them from {@code <linux/vfio.h>}.
 */
final class VfioProcess implements AutoCloseable {
    static final String EDU = "0000:00:03.0";
    static final int PAGE = 4096;

    final Kernel kernel;
    final Task task;
    final int container;
    private final IoctlTable uapi;
    private final boolean ownsKernel;

    /** Boots a kernel with edu bound to vfio-pci and opens a container with edu's group 3 in it. */
    VfioProcess() throws KernelException, IOException {
        this(bootWithVfioPci(EDU), 3, true);
    }

    /**
     * A process on a kernel: its own container, with group {@code group} (whose functions are bound to
     * vfio-pci) attached and the type1 backend set.
     *
     * @param kernel the kernel
     * @param group the IOMMU group
     * @param ownsKernel whether {@link #close} closes the kernel too
     */
    VfioProcess(Kernel kernel, int group, boolean ownsKernel) throws KernelException, IOException {
        this.kernel = kernel;
        this.ownsKernel = ownsKernel;
        try {
            task = kernel.spawn(Credentials.ROOT);
            uapi = uapi(kernel);
            container = task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
            int groupFd = task.syscalls().open("/dev/vfio/" + group, OpenFlags.O_RDWR);
            long fd = mmap(PAGE);
            task.memory().store(fd, 4, container);
            ioctl(groupFd, "VFIO_GROUP_SET_CONTAINER", fd);
            ioctl(container, "VFIO_SET_IOMMU", constant("VFIO_TYPE1_IOMMU"));
        } catch (KernelException | IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * {@return a kernel on the default platform with vfio-pci loaded and bound to some functions}
     *
     * @param functions PCI addresses
     */
    static Kernel bootWithVfioPci(String... functions) throws KernelException {
        Kernel kernel = Kernel.boot();
        try {
            kernel.modules().modprobe("vfio-pci", Map.of());
            Pci pci = kernel.subsystem(Pci.class).orElseThrow();
            for (String function : functions) {
                pci.setDriverOverride(function, "vfio-pci");
                pci.bind("vfio-pci", function);
            }
            kernel.settle();
            return kernel;
        } catch (KernelException | RuntimeException e) {
            kernel.close();
            throw e;
        }
    }

    /** The ioctl descriptions every indexed module ships, merged: the program's {@code <linux/vfio.h>}. */
    private static IoctlTable uapi(Kernel kernel) throws IOException {
        List<IoctlTable> tables = new ArrayList<>();
        for (String module : kernel.modules().indexed()) {
            String text = kernel.modules().ioctlDescriptions(module).orElse(null);
            if (text != null) {
                tables.add(IoctlTable.parse(new StringReader(text), module));
            }
        }
        return IoctlTable.merge(tables);
    }

    long mmap(long length) throws KernelException {
        return task.syscalls().mmap(length, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS,
                -1, 0);
    }

    long constant(String name) {
        return uapi.constant(name).orElseThrow(() -> new IllegalArgumentException("no constant " + name)).value();
    }

    int ioctlNumber(String name) {
        return uapi.ioctl(name).orElseThrow(() -> new IllegalArgumentException("no ioctl " + name)).number();
    }

    long ioctl(int fd, String name, long arg) throws KernelException {
        return task.syscalls().ioctl(fd, ioctlNumber(name), arg);
    }

    /** A zeroed struct of {@code ioctl}'s layout with {@code argsz} set. */
    StructValue struct(String ioctl) {
        StructValue value = StructValue.of(uapi.ioctl(ioctl).orElseThrow().layout().orElseThrow());
        return value.set("argsz", value.toBytes().length);
    }

    /** Copies {@code value} into a new page of the process: the pointer an ioctl takes. */
    long toUser(StructValue value) throws KernelException {
        long address = mmap(PAGE);
        value.copyToUser(task.memory(), address);
        return address;
    }

    /** A {@code struct vfio_iommu_type1_dma_map} of one page, read and write, in user memory. */
    long mapArgument(long vaddr, long iova) throws KernelException {
        return toUser(struct("VFIO_IOMMU_MAP_DMA").set("vaddr", vaddr).set("iova", iova).set("size", PAGE)
                .set("flags", constant("VFIO_DMA_MAP_FLAG_READ") | constant("VFIO_DMA_MAP_FLAG_WRITE")));
    }

    /** A {@code struct vfio_iommu_type1_dma_unmap} of one page, in user memory. */
    long unmapArgument(long iova) throws KernelException {
        return toUser(struct("VFIO_IOMMU_UNMAP_DMA").set("iova", iova).set("size", PAGE));
    }

    @Override
    public void close() {
        if (ownsKernel) {
            kernel.close();
        } else if (task != null) {
            kernel.exit(task);
        }
    }
}
