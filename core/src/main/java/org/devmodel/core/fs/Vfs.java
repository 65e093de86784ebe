package org.devmodel.core.fs;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.devmodel.core.KernelException;

/**
 * The kernel's one path namespace: devtmpfs at {@code /dev}, {@code proc} at {@code /proc},
 * {@code sysfs} at {@code /sys} and read-only text files elsewhere (such as
 * {@code /lib/modules/3.14.0-devmodel/}). Paths are absolute; {@code .} and {@code ..} are not
 * interpreted. Processes open files through their {@code Syscalls}; this face is for the kernel and
 * its subsystems.
 */
public interface Vfs {

    /**
     * {@return what {@code stat} reports for a path}
     *
     * @param path an absolute path
     * @throws KernelException ENOENT when nothing is there, ENOTDIR when a component is no directory
     */
    Stat stat(String path) throws KernelException;

    /**
     * {@return whether something exists at a path}
     *
     * @param path an absolute path
     */
    boolean exists(String path);

    /**
     * {@return the names in a directory, sorted as {@code ls} sorts them in the C locale}
     *
     * @param path the directory
     * @throws KernelException ENOENT or ENOTDIR
     */
    List<String> list(String path) throws KernelException;

    /**
     * {@return the text of a text file, as {@code cat} would print it}
     *
     * @param path the file
     * @throws KernelException ENOENT, or EISDIR for a directory, EINVAL for a device node
     */
    String readText(String path) throws KernelException;

    /**
     * Publishes a read-only text file (mode 0444), creating parent directories (0755) as needed; its
     * contents are produced each time it is read. Used for {@code /proc/devices}, sysfs attributes
     * and the module index.
     *
     * @param path where, below {@code /proc}, {@code /sys} or the root file system
     * @param contents produces the text
     * @throws IllegalStateException when something already exists there
     */
    void publish(String path, Supplier<String> contents);

    /**
     * Publishes an empty directory (0755), creating parents as needed, such as a sysfs directory
     * whose files come later. It stays when the last file published below it is unpublished, until
     * it is unpublished itself. Publishing an existing directory only marks it so.
     *
     * @param path where, below {@code /proc}, {@code /sys} or the root file system
     */
    void publishDirectory(String path);

    /**
     * Removes a published file or directory and the directories that {@link #publish} created for it and that are
     * now empty.
     *
     * @param path the file
     */
    void unpublish(String path);

    /**
     * {@code anon_inode_getfile}: an open file on the anonymous inode, such as VFIO's device fds. It
     * pins the module owning {@code operations}; give it an fd with {@code Task.fdInstall}.
     *
     * @param name the file's name, e.g. {@code [vfio-device]}
     * @param operations what serves it
     * @param privateData the driver's private data, or null
     * @param flags the open flags
     * @return the file, holding one reference
     * @throws KernelException ENOENT when the owning module is going away
     */
    OpenFile openAnonymous(String name, FileOperations operations, Object privateData, int flags)
            throws KernelException;

    /** {@return the devtmpfs instance mounted at {@code /dev}} */
    DevTmpfs devtmpfs();

    /**
     * {@return the inode at a path, if any}
     *
     * @param path an absolute path
     */
    Optional<Inode> lookup(String path);
}
