package org.devmodel.vfio.client;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_GET_DEVICE_FD;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_GET_STATUS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_SET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_UNSET_CONTAINER;

import java.util.Objects;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.vfio.client.internal.FdCalls;
import org.devmodel.vfio.client.internal.OpenChildren;
import org.devmodel.vfio.uapi.VfioStructs;

/**
 * A VFIO group: an open {@code /dev/vfio/<id>}, the devices an IOMMU cannot tell apart, which a
 * process owns together. Check that it is viable, put it in a container, and once the container
 * has an IOMMU model, open its devices by name.
 *
 * <p>The group closes the devices it opened that are still open before its own fd: v3.14 takes a
 * group out of its container only once no device holds it. Not thread-safe beyond each single call.
 */
public final class Group implements AutoCloseable {
    private final Userspace process;
    private final int id;
    private final FdCalls calls;
    private final OpenChildren<Device> devices = new OpenChildren<>(Device::close);

    private Group(Userspace process, int id, FdCalls calls) {
        this.process = process;
        this.id = id;
        this.calls = calls;
    }

    /**
     * {@code open("/dev/vfio/<id>", O_RDWR)}.
     *
     * @param process the process
     * @param id the IOMMU group number ({@code /sys/bus/pci/devices/<address>/iommu_group})
     * @return the group
     * @throws KernelException ENOENT when no device of the group is bound to a VFIO driver, EBUSY
     *     when another fd has it open, EACCES, ...
     */
    public static Group open(Userspace process, int id) throws KernelException {
        Objects.requireNonNull(process, "process");
        if (id < 0) {
            throw new IllegalArgumentException("group id negative: " + id);
        }
        return new Group(process, id, FdCalls.open(process.syscalls(), process.memory(),
                () -> process.syscalls().open(path(id), OpenFlags.O_RDWR)));
    }

    /**
     * {@return the group's node}
     *
     * @param id the group number
     */
    public static String path(int id) {
        return "/dev/vfio/" + id;
    }

    /** {@return the group number} */
    public int id() {
        return id;
    }

    /** {@return the fd} */
    public int fd() {
        return calls.fd();
    }

    /**
     * {@code VFIO_GROUP_GET_STATUS}.
     *
     * @return whether the group is viable and whether it is in a container
     * @throws KernelException the kernel's errno
     */
    public GroupStatus status() throws KernelException {
        return new GroupStatus((int) calls.ioctl(VFIO_GROUP_GET_STATUS,
                FdCalls.argument(VfioStructs.VFIO_GROUP_STATUS)).get("flags"));
    }

    /**
     * {@code VFIO_GROUP_SET_CONTAINER}: puts the group in the container.
     *
     * @param container the container
     * @throws KernelException EINVAL when the group is in a container already, EPERM when it is not
     *     viable, EBUSY ...
     */
    public void setContainer(Container container) throws KernelException {
        calls.ioctlInt(VFIO_GROUP_SET_CONTAINER, container.fd());
    }

    /**
     * {@code VFIO_GROUP_UNSET_CONTAINER}: takes the group out of its container; the last group out
     * ends the container's IOMMU context and its DMA mappings.
     *
     * @throws KernelException EINVAL when it is in none, EBUSY while one of its devices is open
     */
    public void unsetContainer() throws KernelException {
        calls.ioctl(VFIO_GROUP_UNSET_CONTAINER, 0);
    }

    /**
     * {@code VFIO_GROUP_GET_DEVICE_FD}: opens a device of the group.
     *
     * @param name the device's name, for PCI its address ({@code 0000:06:0d.0})
     * @return the device
     * @throws KernelException EINVAL before the container has an IOMMU model or while the group is
     *     not viable, ENODEV for a device not in the group, EBUSY, ...
     */
    public Device device(String name) throws KernelException {
        Objects.requireNonNull(name, "name");
        FdCalls device = FdCalls.open(process.syscalls(), process.memory(),
                () -> (int) calls.ioctlString(VFIO_GROUP_GET_DEVICE_FD, name));
        return devices.add(new Device(this, process, name, device));
    }

    /**
     * Closes the devices still open, newest first, then the fd; closing again does nothing.
     *
     * @throws KernelException the first errno of the devices' closes, else that of the fd's
     */
    @Override
    public void close() throws KernelException {
        try {
            devices.closeAll();
        } finally {
            calls.close();
        }
    }

    /** Called by a device of this group once it is closed. */
    void closed(Device device) {
        devices.remove(device);
    }
}
