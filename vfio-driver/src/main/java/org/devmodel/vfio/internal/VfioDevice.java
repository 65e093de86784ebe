package org.devmodel.vfio.internal;

import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.MmapRequest;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.proc.Task;
import org.devmodel.vfio.VfioDeviceOps;

/**
 * {@code struct vfio_device}: a bus device handed to VFIO, its ops and data, and the group it is
 * in. It holds a reference on its group. Its reference count ({@code kref}) is one for the bus
 * driver's {@code vfio_add_group_dev} plus one per open device fd; the last put, made with the
 * group's device lock held, unlinks it and wakes {@code vfio_del_group_dev}.
 *
 * @param <T> the bus driver's device data
 */
final class VfioDevice<T> {
    private final Device dev;
    private final VfioGroup group;
    private final VfioDeviceOps<T> ops;
    private final T deviceData;
    /** Guarded by the group's device lock. */
    private int refs = 1;

    VfioDevice(Device dev, VfioGroup group, VfioDeviceOps<T> ops, T deviceData) {
        this.dev = dev;
        this.group = group;
        this.ops = ops;
        this.deviceData = deviceData;
    }

    /** {@return the bus device} */
    Device dev() {
        return dev;
    }

    /** {@return the group it is in} */
    VfioGroup group() {
        return group;
    }

    /** {@return the bus driver's data} */
    T deviceData() {
        return deviceData;
    }

    /** {@return the bus driver's ops, the object whose module an open device fd pins} */
    VfioDeviceOps<T> ops() {
        return ops;
    }

    /** {@code kref_get}; called with the group's device lock held. */
    void get() {
        refs++;
    }

    /** {@return whether this put dropped the last reference}; called with the group's device lock held */
    boolean put() {
        return --refs == 0;
    }

    void open() throws KernelException {
        ops.open(deviceData);
    }

    void release() {
        ops.release(deviceData);
    }

    long ioctl(Task current, int cmd, long arg) throws KernelException {
        return ops.ioctl(deviceData, current, cmd, arg);
    }

    long read(Task current, long buf, long count, FilePosition position) throws KernelException {
        return ops.read(deviceData, current, buf, count, position);
    }

    long write(Task current, long buf, long count, FilePosition position) throws KernelException {
        return ops.write(deviceData, current, buf, count, position);
    }

    MmioHandler mmap(Task current, MmapRequest request) throws KernelException {
        return ops.mmap(deviceData, current, request);
    }

    @Override
    public String toString() {
        return "vfio device " + dev.name();
    }
}
