package org.devmodel.core.internal.chrdev;

import org.devmodel.core.DevT;
import org.devmodel.core.chrdev.Cdev;
import org.devmodel.core.fs.FileOperations;

/** A mapped cdev; identity matters, since two cdevs may cover the same numbers. */
record CdevImpl(DevT dev, int count, FileOperations operations) implements Cdev {
    /** {@return the ledger's name for it} */
    String resource() {
        return "cdev " + dev + "+" + count;
    }
}
