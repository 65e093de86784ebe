package org.devmodel.core.fs;

import java.util.Optional;

/**
 * {@code struct file}: one open of an inode, shared by every fd that refers to it. It holds a
 * reference on the module of its operations until its last reference goes, when the operations'
 * {@code release} runs.
 */
public interface OpenFile {

    /** {@return the inode this file is an open of} */
    Inode inode();

    /** {@return the path it was opened by, or the name of an anonymous file such as {@code anon_inode:[vfio-device]}} */
    String path();

    /** {@return the operations that serve it now} */
    FileOperations operations();

    /**
     * {@code replace_fops}: switches the file to other operations, as {@code misc_open} does. The
     * caller has already pinned the new operations' module (see
     * {@code org.devmodel.core.module.ModuleReferences#tryGet}); the file now holds that reference and
     * drops the one it held for the old operations.
     *
     * @param operations the new operations
     */
    void replaceOperations(FileOperations operations);

    /** {@return the driver's private data, if set ({@code file->private_data})} */
    Optional<Object> privateData();

    /**
     * {@return the private data as the type the driver stored}
     *
     * @param type the expected class
     * @param <T> the type
     * @throws IllegalStateException when none of that type is set
     */
    default <T> T privateData(Class<T> type) {
        // no Optional chain: ioctls call this on every call, which should allocate nothing
        Object data = privateData().orElse(null);
        if (!type.isInstance(data)) {
            throw new IllegalStateException("no private data of type " + type.getName());
        }
        return type.cast(data);
    }

    /**
     * @param data the driver's private data, or null to clear it
     */
    void setPrivateData(Object data);

    /** {@return the open flags ({@code O_RDWR}, {@code O_NONBLOCK}, ...)} */
    int flags();

    /** {@return the file position, {@code f_pos}} */
    FilePosition position();
}
