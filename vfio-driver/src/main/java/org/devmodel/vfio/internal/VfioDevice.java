package org.devmodel.vfio.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.MmapRequest;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.module.DriverCalls;
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
    private final DriverCalls calls;
    /** Guarded by the group's device lock. */
    private int refs = 1;
    /** The files of its open device fds, for {@code VfioRegistry.deviceFiles}. */
    private final List<OpenFile> files = new CopyOnWriteArrayList<>();

    VfioDevice(Device dev, VfioGroup group, VfioDeviceOps<T> ops, T deviceData, DriverCalls calls) {
        this.dev = dev;
        this.group = group;
        this.ops = ops;
        this.deviceData = deviceData;
        this.calls = calls;
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

    /** {@code kref_get}; called with the group's device lock held. */
    void get() {
        refs++;
    }

    /**
     * Notes a device fd's file, opened on this device.
     *
     * @param file the file
     */
    void fileOpened(OpenFile file) {
        files.add(file);
    }

    /**
     * Forgets a device fd's file at its release.
     *
     * @param file the file
     */
    void fileReleased(OpenFile file) {
        files.remove(file);
    }

    /** {@return the files of its open device fds, in opening order} */
    List<OpenFile> files() {
        return List.copyOf(files);
    }

    /** {@return whether this put dropped the last reference}; called with the group's device lock held */
    boolean put() {
        return --refs == 0;
    }

    // ---- the bus driver's ops, each run as the bus driver's module through the driver gate

    void open() throws KernelException {
        calls.call(ops, "open", () -> {
            ops.open(deviceData);
            return null;
        });
    }

    void release() {
        calls.callVoid(ops, "release", () -> ops.release(deviceData));
    }

    long ioctl(Task current, int cmd, long arg) throws KernelException {
        return calls.ioctl(ops, deviceData, current, cmd, arg, VfioDeviceOps::ioctl);
    }

    long read(Task current, long buf, long count, FilePosition position) throws KernelException {
        return calls.call(ops, "read", () -> ops.read(deviceData, current, buf, count, position));
    }

    long write(Task current, long buf, long count, FilePosition position) throws KernelException {
        return calls.call(ops, "write", () -> ops.write(deviceData, current, buf, count, position));
    }

    MmioHandler mmap(Task current, MmapRequest request) throws KernelException {
        return calls.call(ops, "mmap", () -> ops.mmap(deviceData, current, request));
    }

    @Override
    public String toString() {
        return "vfio device " + dev.name();
    }
}
