package org.devmodel.bench;

import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Task;
import org.devmodel.pci.Pci;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.devmodel.vfio.uapi.VfioStructs;

/**
 * A userspace VFIO program on a default-platform kernel: a process with a container holding one
 * IOMMU group (by default edu's, 0000:00:03.0 in group 3, on a kernel of its own) and the type1
 * backend. It uses only exported API and takes ioctl numbers, constants and struct layouts from the
 * VFIO UAPI module, as a C program takes them from {@code <linux/vfio.h>}.
 */
final class VfioProcess implements AutoCloseable {
    static final String EDU = "0000:00:03.0";
    static final int PAGE = 4096;

    final Kernel kernel;
    final Task task;
    final int container;
    private final boolean ownsKernel;

    /** Boots a kernel with edu bound to vfio-pci and opens a container with edu's group 3 in it. */
    VfioProcess() throws KernelException {
        this(bootWithVfioPci(EDU), 3, true);
    }

    /**
     * A process on a kernel: its own container, with group {@code group} (whose functions are bound to
     * vfio-pci) attached and the type1 backend set.
     *
     * @param kernel the kernel
     * @param group the IOMMU group
     * @param ownsKernel whether {@link #close} closes the kernel too, or only ends the process
     */
    VfioProcess(Kernel kernel, int group, boolean ownsKernel) throws KernelException {
        this.kernel = kernel;
        this.ownsKernel = ownsKernel;
        task = kernel.spawn(Credentials.ROOT);
        try {
            container = task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
            int groupFd = task.syscalls().open("/dev/vfio/" + group, OpenFlags.O_RDWR);
            long fd = mmap(PAGE);
            task.memory().store(fd, 4, container);
            task.syscalls().ioctl(groupFd, VfioIoctls.VFIO_GROUP_SET_CONTAINER, fd);
            task.syscalls().ioctl(container, VfioIoctls.VFIO_SET_IOMMU, VfioIoctls.VFIO_TYPE1_IOMMU);
        } catch (KernelException | RuntimeException e) {
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

    long mmap(long length) throws KernelException {
        return task.syscalls().mmap(length, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS,
                -1, 0);
    }

    /** A zeroed struct of a layout with {@code argsz} set. */
    private static StructValue struct(StructLayout layout) {
        return StructValue.of(layout).set("argsz", layout.size());
    }

    /** A {@code struct vfio_iommu_type1_dma_map} of one page, read and write. */
    static StructValue mapStruct(long vaddr, long iova) {
        return struct(VfioStructs.VFIO_IOMMU_TYPE1_DMA_MAP).set("vaddr", vaddr).set("iova", iova).set("size", PAGE)
                .set("flags", VfioIoctls.VFIO_DMA_MAP_FLAG_READ | VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE);
    }

    /** Copies {@code value} into a new page of the process: the pointer an ioctl takes. */
    long toUser(StructValue value) throws KernelException {
        long address = mmap(PAGE);
        value.copyToUser(task.memory(), address);
        return address;
    }

    /** A {@code struct vfio_iommu_type1_dma_map} of one page, read and write, in user memory. */
    long mapArgument(long vaddr, long iova) throws KernelException {
        return toUser(mapStruct(vaddr, iova));
    }

    /** A {@code struct vfio_iommu_type1_dma_unmap} of one page, in user memory. */
    long unmapArgument(long iova) throws KernelException {
        return toUser(struct(VfioStructs.VFIO_IOMMU_TYPE1_DMA_UNMAP).set("iova", iova).set("size", PAGE));
    }

    @Override
    public void close() {
        if (ownsKernel) {
            kernel.close();
        } else {
            kernel.exit(task);
        }
    }
}
