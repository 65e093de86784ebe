package org.devmodel.vfio.internal;

import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.MmapRequest;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.proc.Task;

/**
 * {@code vfio_device_fops}: the anonymous {@code [vfio-device]} files. Everything is forwarded to
 * the bus driver's {@code VfioDeviceOps}, whose missing operations answer EINVAL. No vfio lock is
 * held while the bus driver runs.
 */
final class DeviceFops implements FileOperations {
    private final Vfio vfio;

    DeviceFops(Vfio vfio) {
        this.vfio = vfio;
    }

    /** {@code vfio_device_fops_release}. */
    @Override
    public void release(Inode inode, OpenFile file) {
        if (file.privateData().orElse(null) instanceof VfioDevice<?> device) {
            device.fileReleased(file);
            releaseDevice(device);
        }
    }

    /**
     * What the release of a device fd undoes: the bus driver's release, the fd's container user
     * (the last one takes the group out of its container) and the fd's device reference.
     *
     * @param device the device of the fd
     */
    private void releaseDevice(VfioDevice<?> device) {
        device.release();
        device.group().tryDissolveContainer();
        vfio.devicePut(device);
    }

    @Override
    public long ioctl(OpenFile file, Task current, int cmd, long arg) throws KernelException {
        return device(file).ioctl(current, cmd, arg);
    }

    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return device(file).read(current, buf, count, position);
    }

    @Override
    public long write(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return device(file).write(current, buf, count, position);
    }

    @Override
    public MmioHandler mmap(OpenFile file, Task current, MmapRequest request) throws KernelException {
        return device(file).mmap(current, request);
    }

    private static VfioDevice<?> device(OpenFile file) {
        return file.privateData(VfioDevice.class);
    }
}
