package org.devmodel.core.chrdev;

import org.devmodel.core.DevT;
import org.devmodel.core.fs.FileOperations;

/** {@code struct cdev}: file operations mapped over a range of device numbers by {@code cdev_add}. */
public interface Cdev {

    /** {@return the first device number} */
    DevT dev();

    /** {@return how many consecutive device numbers it covers} */
    int count();

    /** {@return the operations a {@code chrdev_open} of its numbers switches to} */
    FileOperations operations();
}
