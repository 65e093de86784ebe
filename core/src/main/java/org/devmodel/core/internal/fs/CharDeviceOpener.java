package org.devmodel.core.internal.fs;

import org.devmodel.core.DevT;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;

/** The first half of {@code chrdev_open}: find the cdev of a device number and pin its operations. */
public interface CharDeviceOpener {

    /**
     * Looks the device number up (requesting {@code char-major-M-m} when nothing covers it) and
     * takes a reference on the owner of the cdev's operations ({@code fops_get}).
     *
     * @param devt the inode's device number
     * @return the pinned operations
     * @throws KernelException ENXIO when nothing serves it or its module is going away
     */
    FileOperations lookupAndPin(DevT devt) throws KernelException;
}
