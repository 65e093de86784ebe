package org.devmodel.vfio.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_GET_DEVICE_FD;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_GET_STATUS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_SET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SET_IOMMU;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_GROUP_STATUS;

import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;

/**
 * A process using VFIO through its system calls, as a user of Documentation/vfio.txt would: every
 * pointer argument lives in the process's own memory.
 */
final class VfioUser {
    private final Task task;
    private final long page;

    VfioUser(Task task) throws KernelException {
        this.task = task;
        this.page = VfioHarness.page(task);
    }

    /** {@return the process's system calls} */
    Syscalls sys() {
        return task.syscalls();
    }

    /** {@return the process} */
    Task task() {
        return task;
    }

    /** {@return the address of its scratch page} */
    long page() {
        return page;
    }

    int openContainer() throws KernelException {
        return sys().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
    }

    int openGroup(int groupId) throws KernelException {
        return sys().open("/dev/vfio/" + groupId, OpenFlags.O_RDWR);
    }

    /**
     * A container with one group and the type1 backend set, as the documented sequence builds it.
     *
     * @param container the container fd
     * @param group the group fd
     */
    record Attached(int container, int group) {
    }

    /**
     * {@return a new container with the group opened and set in it, and {@code VFIO_SET_IOMMU(TYPE1)} done}
     *
     * @param groupId the group
     */
    Attached attach(int groupId) throws KernelException {
        int container = openContainer();
        int group = openGroup(groupId);
        setContainer(group, container);
        sys().ioctl(container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU);
        return new Attached(container, group);
    }

    /**
     * {@code VFIO_GROUP_GET_STATUS} with {@code argsz = sizeof}. {@return the flags}
     *
     * @param groupFd the group fd
     */
    long status(int groupFd) throws KernelException {
        return status(groupFd, VFIO_GROUP_STATUS.size());
    }

    /**
     * {@return the flags {@code VFIO_GROUP_GET_STATUS} answers}
     *
     * @param groupFd the group fd
     * @param argsz the argsz to pass
     */
    long status(int groupFd, long argsz) throws KernelException {
        StructValue.of(VFIO_GROUP_STATUS).set("argsz", argsz).set("flags", 0xdead).copyToUser(task.memory(), page);
        sys().ioctl(groupFd, VFIO_GROUP_GET_STATUS, page);
        return StructValue.copyFromUser(task.memory(), page, VFIO_GROUP_STATUS).get("flags");
    }

    /** {@code VFIO_GROUP_SET_CONTAINER} with the fd stored in user memory. */
    void setContainer(int groupFd, int containerFd) throws KernelException {
        task.memory().store(page, Integer.BYTES, containerFd);
        sys().ioctl(groupFd, VFIO_GROUP_SET_CONTAINER, page);
    }

    /** {@code VFIO_GROUP_GET_DEVICE_FD} with the name stored in user memory, NUL-terminated. */
    int deviceFd(int groupFd, String name) throws KernelException {
        byte[] bytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        task.memory().copyToUser(page, bytes);
        return (int) sys().ioctl(groupFd, VFIO_GROUP_GET_DEVICE_FD, page);
    }

    /**
     * Asserts that a call fails with an errno.
     *
     * @param errno the expected errno
     * @param call the call
     */
    static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KernelException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.errno()).as(e.getMessage()).isEqualTo(errno));
    }
}
