package org.devmodel.core.fault;

import java.util.Objects;
import org.devmodel.core.Errno;

/**
 * A named place where a kernel acquisition can fail, such as {@code class_create}, with the errno
 * it fails with when a test injects a fault there and chooses none.
 *
 * @param name the kernel function's name, e.g. {@code alloc_chrdev_region}
 * @param naturalErrno what a failure there returns by nature, e.g. ENOMEM for an allocation
 */
public record FaultSite(String name, Errno naturalErrno) {
    /** {@code class_create}: allocation of a class; ENOMEM. */
    public static final FaultSite CLASS_CREATE = new FaultSite("class_create", Errno.ENOMEM);
    /** {@code device_create}: allocation and registration of a class device; ENOMEM. */
    public static final FaultSite DEVICE_CREATE = new FaultSite("device_create", Errno.ENOMEM);
    /** {@code alloc_chrdev_region}: a dynamic char major; EBUSY. */
    public static final FaultSite ALLOC_CHRDEV_REGION = new FaultSite("alloc_chrdev_region", Errno.EBUSY);
    /** {@code register_chrdev_region}: a static char region; EBUSY. */
    public static final FaultSite REGISTER_CHRDEV_REGION = new FaultSite("register_chrdev_region", Errno.EBUSY);
    /** {@code cdev_add}: mapping a cdev; ENOMEM. */
    public static final FaultSite CDEV_ADD = new FaultSite("cdev_add", Errno.ENOMEM);
    /** {@code driver_register}: a driver on a bus; ENOMEM. */
    public static final FaultSite DRIVER_REGISTER = new FaultSite("driver_register", Errno.ENOMEM);
    /** {@code kmalloc}: a plain allocation; ENOMEM. */
    public static final FaultSite KMALLOC = new FaultSite("kmalloc", Errno.ENOMEM);

    /** Checks the arguments. */
    public FaultSite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(naturalErrno, "naturalErrno");
        if (name.isBlank()) {
            throw new IllegalArgumentException("empty fault site name");
        }
    }
}
