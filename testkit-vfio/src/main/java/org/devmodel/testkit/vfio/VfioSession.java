package org.devmodel.testkit.vfio;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_GET_STATUS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_SET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_UNSET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_GROUP_STATUS;

import org.devmodel.core.KernelException;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Task;

/**
 * A VFIO user process as the contract drives it: its container fd, its group fd, and a scratch page
 * structs are passed in. Not thread-safe.
 */
public final class VfioSession {
    private final Task task;
    private final int container;
    private final int group;
    private final long scratch;

    /**
     * @param task the process
     * @param container its container fd
     * @param group its group fd
     * @throws KernelException when the scratch page cannot be mapped
     */
    VfioSession(Task task, int container, int group) throws KernelException {
        this.task = task;
        this.container = container;
        this.group = group;
        this.scratch = task.memory().mmap(AddressSpace.PAGE_SIZE);
    }

    /** {@return the process} */
    public Task task() {
        return task;
    }

    /** {@return the container fd} */
    public int container() {
        return container;
    }

    /** {@return the group fd} */
    public int group() {
        return group;
    }

    /**
     * {@return the container ioctl's answer}
     *
     * @param cmd the ioctl number
     * @param arg its argument
     * @throws KernelException the errno
     */
    public long containerIoctl(int cmd, long arg) throws KernelException {
        return task.syscalls().ioctl(container, cmd, arg);
    }

    /**
     * {@return the group ioctl's answer}
     *
     * @param cmd the ioctl number
     * @param arg its argument
     * @throws KernelException the errno
     */
    public long groupIoctl(int cmd, long arg) throws KernelException {
        return task.syscalls().ioctl(group, cmd, arg);
    }

    /**
     * {@code VFIO_GROUP_SET_CONTAINER} with this session's container.
     *
     * @throws KernelException the errno
     */
    public void setContainer() throws KernelException {
        groupIoctl(VFIO_GROUP_SET_CONTAINER, placeInt(container));
    }

    /**
     * {@code VFIO_GROUP_UNSET_CONTAINER}.
     *
     * @throws KernelException the errno
     */
    public void unsetContainer() throws KernelException {
        groupIoctl(VFIO_GROUP_UNSET_CONTAINER, 0);
    }

    /**
     * {@return the group's {@code VFIO_GROUP_FLAGS_*}, from {@code VFIO_GROUP_GET_STATUS}}
     *
     * @throws KernelException the errno
     */
    public long groupFlags() throws KernelException {
        groupIoctl(VFIO_GROUP_GET_STATUS, place(StructValue.of(VFIO_GROUP_STATUS).set("argsz", VFIO_GROUP_STATUS.size())));
        return placed(VFIO_GROUP_STATUS).get("flags");
    }

    /**
     * Writes an {@code int} into the scratch page, replacing what was there, as the argument of
     * {@code VFIO_GROUP_SET_CONTAINER}.
     *
     * @param value the int
     * @return its user address
     * @throws KernelException when the page is gone
     */
    public long placeInt(int value) throws KernelException {
        task.memory().store(scratch, Integer.BYTES, value);
        return scratch;
    }

    /**
     * Writes a struct into the scratch page, replacing the one before.
     *
     * @param value the struct
     * @return its user address
     * @throws KernelException when the page is gone
     */
    public long place(StructValue value) throws KernelException {
        value.copyToUser(task.memory(), scratch);
        return scratch;
    }

    /**
     * {@return the struct in the scratch page, as an ioctl left it}
     *
     * @param layout its layout
     * @throws KernelException when the page is gone
     */
    public StructValue placed(StructLayout layout) throws KernelException {
        return StructValue.copyFromUser(task.memory(), scratch, layout);
    }
}
