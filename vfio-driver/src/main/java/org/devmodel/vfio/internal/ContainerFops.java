package org.devmodel.vfio.internal;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_API_VERSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GET_API_VERSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SET_IOMMU;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.MmapRequest;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.proc.Task;

/**
 * {@code vfio_fops}: the container fd, {@code /dev/vfio/vfio}. {@code misc_open} switches a file to
 * these operations and calls {@link #open} with {@code misc_mtx} held. There is no llseek.
 */
final class ContainerFops implements FileOperations {
    private final Vfio vfio;

    ContainerFops(Vfio vfio) {
        this.vfio = vfio;
    }

    /** {@return the vfio these operations belong to} */
    Vfio vfio() {
        return vfio;
    }

    /** {@code vfio_fops_open}: no privilege check, the node is 0666; the container replaces the misc device as private data. */
    @Override
    public void open(Inode inode, OpenFile file, Task current) {
        file.setPrivateData(vfio.containerCreate());
    }

    /** {@code vfio_fops_release}: groups hold their own references, so the container may outlive its fd. */
    @Override
    public void release(Inode inode, OpenFile file) {
        VfioContainer container = file.privateData(VfioContainer.class);
        file.setPrivateData(null);
        container.put();
    }

    /** {@code vfio_fops_unl_ioctl}: takes the container's group lock (read or write) as each command needs. */
    @Override
    public long ioctl(OpenFile file, Task current, int cmd, long arg) throws KernelException {
        if (!(file.privateData().orElse(null) instanceof VfioContainer container)) {
            throw new KernelException(Errno.EINVAL);
        }
        return switch (cmd) {
            case VFIO_GET_API_VERSION -> VFIO_API_VERSION;
            case VFIO_CHECK_EXTENSION -> container.checkExtension(arg);
            case VFIO_SET_IOMMU -> container.setIommu(arg);
            // Passthrough of every unrecognized ioctl to the backend; EINVAL without one.
            default -> container.ioctl(current, cmd, arg);
        };
    }

    /** {@code vfio_fops_read}: the backend's, EINVAL without one. */
    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return file.privateData(VfioContainer.class).read(current, buf, count, position.get());
    }

    /** {@code vfio_fops_write}: the backend's, EINVAL without one. */
    @Override
    public long write(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return file.privateData(VfioContainer.class).write(current, buf, count, position.get());
    }

    /** {@code vfio_fops_mmap}: no backend of the SPI maps the container, so always EINVAL. */
    @Override
    public MmioHandler mmap(OpenFile file, Task current, MmapRequest request) throws KernelException {
        throw new KernelException(Errno.EINVAL, "vfio: the IOMMU driver has no mmap");
    }
}
