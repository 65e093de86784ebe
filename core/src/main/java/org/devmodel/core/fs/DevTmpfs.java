package org.devmodel.core.fs;

import java.util.List;
import org.devmodel.core.DevT;

/**
 * devtmpfs ({@code drivers/base/devtmpfs.c}) at {@code /dev}, and what userspace does to it: static
 * nodes made at boot from {@code modules.devname} and the modes udev sets.
 *
 * <p>Nodes the kernel creates are marked as such; a name with slashes creates its directories
 * (0755), and removing the node removes the directories only devtmpfs created for it, deepest
 * first, stopping at the first that is not empty or not its own. A node devtmpfs did not create is
 * never removed by it.
 */
public interface DevTmpfs {

    /**
     * {@code devtmpfs_create_node}. When a file already exists at the name (a static node), it is
     * left untouched and the call reports false, as the kernel ignores that {@code -EEXIST}.
     *
     * @param name the path relative to {@code /dev}, e.g. {@code vfio/vfio}
     * @param type {@link FileType#CHAR_DEVICE} or {@link FileType#BLOCK_DEVICE}
     * @param devt the device number
     * @param mode the permission bits, 0600 unless the devnode callback chose one
     * @param uid the owner
     * @param gid the group
     * @return whether a node was created
     */
    boolean createNode(String name, FileType type, DevT devt, int mode, int uid, int gid);

    /**
     * {@code devtmpfs_delete_node}: removes the node if devtmpfs created it and its type and device
     * number match, then the directories devtmpfs created for it that are now empty.
     *
     * @param name the path relative to {@code /dev}
     * @param type the expected type
     * @param devt the expected device number
     * @return whether a node was removed
     */
    boolean deleteNode(String name, FileType type, DevT devt);

    /**
     * Creates a static node as {@code kmod static-nodes} and {@code systemd-tmpfiles} do at boot
     * (0600 root, parents 0755). It is userspace state: {@link #deleteNode} never removes it.
     *
     * @param name the path relative to {@code /dev}
     * @param type the type
     * @param devt the device number
     * @return whether it was created (false when something already exists there)
     */
    boolean createStaticNode(String name, FileType type, DevT devt);

    /**
     * Sets a node's permission bits, as udev applies an add event's {@code DEVMODE}.
     *
     * @param name the path relative to {@code /dev}
     * @param mode the permission bits
     * @return whether a node was there to change
     */
    boolean chmod(String name, int mode);

    /** {@return the nodes devtmpfs created, as {@code "c 10:196 0666 0:0 vfio/vfio"} lines, sorted by name} */
    List<String> kernelNodes();

    /** {@return the static nodes, in the same form, sorted by name} */
    List<String> staticNodes();
}
