package org.devmodel.misc.internal;

import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.proc.Task;

/**
 * Whether a driver's operations have an {@code open}: the Java counterpart of testing
 * {@code file->f_op->open} for NULL. v3.14's {@code misc_open} sets the file's private data only
 * for a driver that has one, so the difference is visible to drivers.
 */
final class DriverOpen {
    /**
     * The answer per operations class, found by reflection once: {@code misc_open} asks on every
     * open. Kept on the class itself, so a driver's classes can still be unloaded with its layer.
     */
    private static final ClassValue<Boolean> IMPLEMENTED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            try {
                return type.getMethod("open", Inode.class, OpenFile.class, Task.class)
                        .getDeclaringClass() != FileOperations.class;
            } catch (NoSuchMethodException e) {
                throw new AssertionError("FileOperations.open is public", e);
            }
        }
    };

    private DriverOpen() {
    }

    /**
     * {@return whether the operations' class overrides {@link FileOperations#open} instead of
     * inheriting the default that does nothing}
     *
     * @param operations a driver's operations
     */
    static boolean implemented(FileOperations operations) {
        return IMPLEMENTED.get(operations.getClass());
    }
}
