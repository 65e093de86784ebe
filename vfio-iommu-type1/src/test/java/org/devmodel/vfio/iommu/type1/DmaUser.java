package org.devmodel.vfio.iommu.type1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_UNMAP_DMA;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_MAP;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_UNMAP;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Task;

/**
 * A process mapping its memory for DMA as a VFIO user does: each struct is written into its own
 * scratch page and passed by address, either straight to the backend or through a container fd.
 */
final class DmaUser {
    /** Where the ioctls go. */
    @FunctionalInterface
    interface IoctlTarget {
        long ioctl(int cmd, long arg) throws KernelException;
    }

    private final Task task;
    private final IoctlTarget target;
    private final long scratch;

    DmaUser(Task task, IoctlTarget target) throws KernelException {
        this.task = task;
        this.target = target;
        this.scratch = task.memory().mmap(AddressSpace.PAGE_SIZE);
    }

    /** {@return the process} */
    Task task() {
        return task;
    }

    /** {@return the address of the scratch page the structs are passed in} */
    long scratch() {
        return scratch;
    }

    /**
     * {@return the start of fresh anonymous memory}
     *
     * @param pages its length in pages
     */
    long buffer(int pages) throws KernelException {
        return task.memory().mmap(pages * AddressSpace.PAGE_SIZE);
    }

    /**
     * {@return the ioctl's answer}
     *
     * @param cmd the ioctl
     * @param arg its argument
     */
    long ioctl(int cmd, long arg) throws KernelException {
        return target.ioctl(cmd, arg);
    }

    /** {@code VFIO_IOMMU_MAP_DMA} with {@code argsz = 32}. */
    void map(long vaddr, long iova, long size, long flags) throws KernelException {
        writeMap(VFIO_IOMMU_TYPE1_DMA_MAP.size(), flags, vaddr, iova, size);
        assertThat(ioctl(VFIO_IOMMU_MAP_DMA, scratch)).isZero();
    }

    /** Writes a {@code struct vfio_iommu_type1_dma_map} into the scratch page. */
    void writeMap(long argsz, long flags, long vaddr, long iova, long size) throws KernelException {
        StructValue.of(VFIO_IOMMU_TYPE1_DMA_MAP).set("argsz", argsz).set("flags", flags)
                .set("vaddr", vaddr).set("iova", iova).set("size", size).copyToUser(task.memory(), scratch);
    }

    /** {@code VFIO_IOMMU_UNMAP_DMA} with {@code argsz = 24}. {@return the size written back} */
    long unmap(long iova, long size) throws KernelException {
        writeUnmap(VFIO_IOMMU_TYPE1_DMA_UNMAP.size(), 0, iova, size);
        assertThat(ioctl(VFIO_IOMMU_UNMAP_DMA, scratch)).isZero();
        return StructValue.copyFromUser(task.memory(), scratch, VFIO_IOMMU_TYPE1_DMA_UNMAP).get("size");
    }

    /** Writes a {@code struct vfio_iommu_type1_dma_unmap} into the scratch page. */
    void writeUnmap(long argsz, long flags, long iova, long size) throws KernelException {
        StructValue.of(VFIO_IOMMU_TYPE1_DMA_UNMAP).set("argsz", argsz).set("flags", flags)
                .set("iova", iova).set("size", size).copyToUser(task.memory(), scratch);
    }

    /**
     * Asserts that a call fails with an errno.
     *
     * @param errno the expected errno
     * @param call the call
     */
    static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).as(e.getMessage()).isEqualTo(errno));
    }
}
