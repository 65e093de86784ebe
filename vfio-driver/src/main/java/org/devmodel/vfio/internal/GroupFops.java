package org.devmodel.vfio.internal;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_FLAGS_CONTAINER_SET;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_FLAGS_VIABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_GET_DEVICE_FD;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_GET_STATUS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_SET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_UNSET_CONTAINER;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_GROUP_STATUS;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.FileRef;
import org.devmodel.core.proc.Task;

/**
 * {@code vfio_group_fops}: the group fds, {@code /dev/vfio/<id>}, served by the cdev over vfio's
 * region and found by minor. No read, write or mmap.
 */
final class GroupFops implements FileOperations {
    private final Vfio vfio;

    GroupFops(Vfio vfio) {
        this.vfio = vfio;
    }

    /**
     * {@code vfio_group_fops_open}: one open at a time, and none while an earlier open's device fds
     * still keep the group in a container.
     */
    @Override
    public void open(Inode inode, OpenFile file, Task current) throws KernelException {
        VfioGroup group = vfio.groupGetFromMinor(inode.minor())
                .orElseThrow(() -> new KernelException(Errno.ENODEV, "vfio: no group at minor " + inode.minor()));
        // Do we need multiple instances of the group open?  Seems not.
        if (!group.tryOpen()) {
            vfio.groupPut(group);
            throw new KernelException(Errno.EBUSY, "vfio: " + group + " already open");
        }
        // Is something still in use from a previous open?
        if (group.container().isPresent()) {
            group.close();
            vfio.groupPut(group);
            throw new KernelException(Errno.EBUSY, "vfio: " + group + " still in a container");
        }
        file.setPrivateData(group);
    }

    /** {@code vfio_group_fops_release}: one container user fewer, then the open's group reference goes. */
    @Override
    public void release(Inode inode, OpenFile file) {
        VfioGroup group = file.privateData(VfioGroup.class);
        file.setPrivateData(null);
        group.tryDissolveContainer();
        group.close();
        vfio.groupPut(group);
    }

    /** {@code vfio_group_fops_unl_ioctl}: a flat switch, one helper per command; ENOTTY otherwise. */
    @Override
    public long ioctl(OpenFile file, Task current, int cmd, long arg) throws KernelException {
        VfioGroup group = file.privateData(VfioGroup.class);
        if (cmd == VFIO_GROUP_GET_STATUS) {
            return getStatus(group, current.memory(), arg);
        } else if (cmd == VFIO_GROUP_SET_CONTAINER) {
            return setContainer(group, current, arg);
        } else if (cmd == VFIO_GROUP_UNSET_CONTAINER) {
            group.unsetContainer();
            return 0;
        } else if (cmd == VFIO_GROUP_GET_DEVICE_FD) {
            String name = current.memory().strndupUser(arg, (int) AddressSpace.PAGE_SIZE);
            return group.getDeviceFd(current, name);
        }
        throw new KernelException(Errno.ENOTTY);
    }

    /** {@code VFIO_GROUP_GET_STATUS}: copies in and back {@code minsz = offsetofend(flags)}. */
    private static long getStatus(VfioGroup group, AddressSpace memory, long arg) throws KernelException {
        int minsz = VFIO_GROUP_STATUS.offsetofend("flags");
        StructValue status = StructValue.copyPrefixFromUser(memory, arg, VFIO_GROUP_STATUS, minsz);
        if (status.get("argsz") < minsz) {
            throw new KernelException(Errno.EINVAL, "vfio: group status argsz below " + minsz);
        }
        long flags = 0;
        if (group.viable()) {
            flags |= VFIO_GROUP_FLAGS_VIABLE;
        }
        if (group.container().isPresent()) {
            flags |= VFIO_GROUP_FLAGS_CONTAINER_SET;
        }
        status.set("flags", flags);
        status.copyToUser(memory, arg, minsz);
        return 0;
    }

    /** {@code VFIO_GROUP_SET_CONTAINER}: the argument points to the container fd. */
    private long setContainer(VfioGroup group, Task current, long arg) throws KernelException {
        int fd = (int) current.memory().load(arg, Integer.BYTES);
        if (fd < 0) {
            throw new KernelException(Errno.EINVAL, "vfio: negative container fd");
        }
        try (FileRef ref = current.fdget(fd)) {
            // Sanity check, is this really our fd?
            if (ref.file().operations() != vfio.vfioFops()) {
                throw new KernelException(Errno.EINVAL, "vfio: fd " + fd + " is not a VFIO container");
            }
            group.joinContainer(ref.file().privateData(VfioContainer.class));
        }
        return 0;
    }
}
