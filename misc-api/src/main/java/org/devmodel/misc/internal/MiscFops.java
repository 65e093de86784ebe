package org.devmodel.misc.internal;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.proc.Task;
import org.devmodel.misc.MiscMinors;

/**
 * {@code misc_fops}: what serves every minor of major 10 until {@code misc_open} hands the file to
 * the operations of the misc device registered on its minor.
 */
final class MiscFops implements FileOperations {
    private final Misc misc;
    private final Kernel kernel;

    MiscFops(Misc misc, Kernel kernel) {
        this.misc = misc;
        this.kernel = kernel;
    }

    /**
     * {@code misc_open}: finds the device on the inode's minor and pins its module, requesting
     * {@code char-major-10-<minor>} once when there is none (or its module is going away), then
     * switches the file to the device's operations and calls their {@code open} with the misc
     * lock held.
     *
     * @throws KernelException ENODEV when nobody serves the minor after the request, or the errno
     *     of the driver's {@code open} (the file, now the driver's, then drops the module reference)
     */
    @Override
    public void open(Inode inode, OpenFile file, Task current) throws KernelException {
        int minor = inode.minor();
        ReentrantLock lock = misc.lock();
        lock.lock();
        try {
            Optional<MiscDeviceImpl> found = fopsGet(minor);
            if (found.isEmpty()) {
                // modprobe may load a module whose init registers misc devices: drop the lock for it
                lock.unlock();
                try {
                    kernel.requestModule(MiscMinors.alias(minor));
                } finally {
                    lock.lock();
                }
                found = fopsGet(minor);
            }
            MiscDeviceImpl c = found.orElseThrow(() ->
                    new KernelException(Errno.ENODEV, "misc " + minor + ": " + Errno.ENODEV.message()));
            FileOperations newFops = c.operations();
            file.replaceOperations(newFops);
            if (DriverOpen.implemented(newFops)) {
                file.setPrivateData(c);
                // the driver's open runs as its module, as if the VFS had called it
                kernel.driverCalls().call(newFops, "open", () -> {
                    newFops.open(inode, file, current);
                    return null;
                });
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * The lookup of {@code misc_open}: the newest device on the minor, with {@code fops_get} on its
     * operations. Called with the misc lock held.
     *
     * @return the device, or empty when there is none or its module refused the reference
     */
    private Optional<MiscDeviceImpl> fopsGet(int minor) {
        return misc.find(minor).filter(c -> kernel.moduleReferences().tryGet(c.operations()));
    }

    /** {@code noop_llseek}: the position stays where it is. */
    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        return file.position().get();
    }
}
