package org.devmodel.core.fs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.devmodel.core.DevT;

/**
 * What {@code stat(2)} reports about an inode.
 *
 * @param fileSystem the name of the file system holding it ({@code devtmpfs}, {@code proc}, ...)
 * @param device the file system's device number ({@code st_dev})
 * @param inode the inode number, counted from 1 in creation order per file system
 * @param type the file type
 * @param permissions the permission bits ({@code 07777})
 * @param links the link count
 * @param uid the owner
 * @param gid the group
 * @param rdev the device number of a device node ({@code st_rdev}), if it is one
 * @param size the size in bytes
 * @param modified the modification time (also used for access and change times)
 */
public record Stat(String fileSystem, DevT device, long inode, FileType type, int permissions, int links, int uid,
                   int gid, Optional<DevT> rdev, long size, Instant modified) {
    /** Checks the arguments. */
    public Stat {
        Objects.requireNonNull(fileSystem, "fileSystem");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(rdev, "rdev");
        Objects.requireNonNull(modified, "modified");
    }

    /** {@return {@code st_mode}: the type bits and the permission bits} */
    public int mode() {
        return type.bits() | permissions;
    }
}
