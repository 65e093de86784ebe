package org.devmodel.vfio;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.MmapRequest;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.proc.Task;

/**
 * {@code struct vfio_device_ops}: how a bus driver (vfio-pci) serves the device fds VFIO hands out
 * for one of its devices. vfio calls {@link #open} when {@code VFIO_GROUP_GET_DEVICE_FD} creates a
 * device fd and {@link #release} when that fd's last reference goes; in between it forwards the fd's
 * {@code ioctl}, {@code read}, {@code write} and {@code mmap}. An operation left out answers EINVAL,
 * as vfio answers for a NULL callback.
 *
 * <p>Calls come without any vfio lock held, except {@link #open}, which runs with the group's
 * device lock held (as {@code vfio_group_get_device_fd} calls it) and so must not add or remove
 * devices. The ops and the device data must stay valid until
 * {@link VfioRegistry#delGroupDev} returns.
 *
 * @param <T> the bus driver's per-device data ({@code device_data}), passed back to every call
 */
public interface VfioDeviceOps<T> {

    /**
     * {@code ops->open}: a device fd is being created.
     *
     * @param deviceData the data given to {@link VfioRegistry#addGroupDev}
     * @throws KernelException to refuse the fd; {@code VFIO_GROUP_GET_DEVICE_FD} fails with this errno
     */
    default void open(T deviceData) throws KernelException {
    }

    /**
     * {@code ops->release}: the last reference to a device fd went, or the fd could not be installed.
     *
     * @param deviceData the device data
     */
    default void release(T deviceData) {
    }

    /**
     * {@code ops->ioctl} on the device fd.
     *
     * @param deviceData the device data
     * @param current the calling process
     * @param cmd the ioctl number
     * @param arg its argument
     * @return the non-negative result
     * @throws KernelException EINVAL unless implemented; a driver answers ENOTTY for ioctls it does not know
     */
    default long ioctl(T deviceData, Task current, int cmd, long arg) throws KernelException {
        throw new KernelException(Errno.EINVAL);
    }

    /**
     * {@code ops->read} on the device fd.
     *
     * @param deviceData the device data
     * @param current the calling process
     * @param buf the user address to copy to
     * @param count how many bytes at most
     * @param position the file offset (vfio-pci encodes the region index in its top bits)
     * @return the bytes read
     * @throws KernelException EINVAL unless implemented
     */
    default long read(T deviceData, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        throw new KernelException(Errno.EINVAL);
    }

    /**
     * {@code ops->write} on the device fd.
     *
     * @param deviceData the device data
     * @param current the calling process
     * @param buf the user address to copy from
     * @param count how many bytes
     * @param position the file offset
     * @return the bytes written
     * @throws KernelException EINVAL unless implemented
     */
    default long write(T deviceData, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        throw new KernelException(Errno.EINVAL);
    }

    /**
     * {@code ops->mmap} on the device fd.
     *
     * @param deviceData the device data
     * @param current the calling process
     * @param request the offset and length asked for
     * @return the device memory backing the mapping
     * @throws KernelException EINVAL unless implemented
     */
    default MmioHandler mmap(T deviceData, Task current, MmapRequest request) throws KernelException {
        throw new KernelException(Errno.EINVAL);
    }
}
