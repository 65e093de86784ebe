package org.devmodel.iommu.vfio;

import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.IommuGroup;

/**
 * A backend's state for one container ({@code iommu_data}): vfio calls it with the container's lock
 * held, passes it every ioctl it does not handle itself, and attaches the container's groups to it.
 */
public interface VfioIommu {

    /**
     * {@code ops->ioctl(iommu_data, cmd, arg)} for a container ioctl vfio does not handle.
     *
     * @param current the calling process
     * @param cmd the ioctl number
     * @param arg the argument
     * @return the result
     * @throws KernelException ENOTTY for an ioctl the backend does not know, or its errno
     */
    long ioctl(Task current, int cmd, long arg) throws KernelException;

    /**
     * {@code ops->attach_group}.
     *
     * @param group the group joining the container
     * @throws KernelException EINVAL for a group already attached, or the IOMMU's errno
     */
    void attachGroup(IommuGroup group) throws KernelException;

    /**
     * {@code ops->detach_group}: silent for a group not attached.
     *
     * @param group the group leaving the container
     */
    void detachGroup(IommuGroup group);

    /** {@code ops->release}: detaches every group and tears every mapping down. */
    void release();

    /**
     * {@code ops->read} on the container fd; a backend without it answers EINVAL, as vfio does.
     *
     * @param current the calling process
     * @param buf the user buffer
     * @param count its size
     * @param offset the file offset
     * @return bytes read
     * @throws KernelException EINVAL unless the backend serves reads
     */
    default long read(Task current, long buf, long count, long offset) throws KernelException {
        throw new KernelException(Errno.EINVAL);
    }

    /**
     * {@code ops->write} on the container fd; a backend without it answers EINVAL.
     *
     * @param current the calling process
     * @param buf the user buffer
     * @param count its size
     * @param offset the file offset
     * @return bytes written
     * @throws KernelException EINVAL unless the backend serves writes
     */
    default long write(Task current, long buf, long count, long offset) throws KernelException {
        throw new KernelException(Errno.EINVAL);
    }

    /**
     * {@return the container's DMA mappings, one line each (e.g. {@code 0x10000+0x2000 -> 0x7f0000000000 rw}),
     * for tools that show the kernel's state; called as the backend's module}
     *
     * @implSpec The default answers none, for a backend that keeps no mappings of its own.
     */
    default List<String> mappings() {
        return List.of();
    }
}
