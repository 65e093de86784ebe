package org.devmodel.vfio.client;

import org.devmodel.vfio.uapi.VfioIoctls;

/**
 * {@code struct vfio_group_status}, the answer of {@code VFIO_GROUP_GET_STATUS}.
 *
 * @param flags {@code VFIO_GROUP_FLAGS_*}
 */
public record GroupStatus(int flags) {
    /** {@return whether every device of the group is bound to a VFIO driver or to none ({@code VIABLE})} */
    public boolean viable() {
        return (flags & VfioIoctls.VFIO_GROUP_FLAGS_VIABLE) != 0;
    }

    /** {@return whether the group is in a container ({@code CONTAINER_SET})} */
    public boolean containerSet() {
        return (flags & VfioIoctls.VFIO_GROUP_FLAGS_CONTAINER_SET) != 0;
    }
}
