package org.devmodel.misc;

import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;

/**
 * The misc subsystem of a kernel: registration of misc devices on major 10. A driver reaches it
 * with {@link #of(Kernel)} from its {@code init}.
 *
 * <p>Registration and deregistration are serialised by the misc lock ({@code misc_mtx}), which
 * {@code misc_open} also holds while it calls a driver's {@code open}: a driver's {@code open} must
 * not register or deregister misc devices.
 */
public interface MiscRegistry {

    /**
     * {@return the misc subsystem of a kernel}
     *
     * @param kernel a kernel booted with this module in its boot layer
     * @throws IllegalStateException if the kernel has no misc subsystem
     */
    static MiscRegistry of(Kernel kernel) {
        return kernel.subsystem(MiscRegistry.class)
                .orElseThrow(() -> new IllegalStateException("misc: subsystem not started in this kernel"));
    }

    /**
     * {@code misc_register} - register a miscellaneous device.
     *
     * <p>Registers a miscellaneous device with the kernel. If the minor number is
     * {@link MiscMinors#MISC_DYNAMIC_MINOR} a minor number is assigned, the highest free one of
     * 63 down to 0, and placed in the minor field of the device. Otherwise the requested minor is
     * used. The class device is created with {@code device_create} (class {@code misc}, the
     * device's parent, {@code 10:minor}, the device as driver data, its name), which creates the
     * node at {@code /dev/<nodename>} or {@code /dev/<name>} with the device's mode and sends the
     * add uevent. The newest registration comes first in the list, so it wins a minor lookup and
     * is listed first in {@code /proc/misc}.
     *
     * <p>The structure passed is linked into the kernel and must stay registered until it is
     * passed to {@link #deregister}, normally from the module's {@code exit}.
     *
     * <p>A fault site ({@code misc_register}, natural errno EBUSY) and a ledger entry
     * {@code misc <minor> <name>}; {@code device_create} is recorded inside it.
     *
     * @param misc device structure
     * @throws KernelException EBUSY when the minor is taken or no dynamic minor is free;
     *     {@code device_create}'s errno (EEXIST for a name or device number in use), after which a
     *     dynamic minor is freed again but stays written in the device; or an injected fault
     */
    void register(MiscDevice misc) throws KernelException;

    /**
     * {@code misc_deregister} - unregister a miscellaneous device.
     *
     * <p>Unregisters a miscellaneous device that was previously successfully registered with
     * {@link #register}: removes it from the list, destroys its class device (its devtmpfs node
     * goes, a static node made from {@code modules.devname} stays) and frees the minor's bit of
     * the dynamic bitmap when the minor is below 64. Files already open keep their operations.
     *
     * <p>Recorded in the ledger as the release of {@code misc <minor> <name>}.
     *
     * @param misc device to unregister
     * @return 0, or {@code -EINVAL} (-22) when the device is not registered, which is also logged
     *     as a warning ({@code WARN_ON}); the result can be ignored, as kernel callers do
     */
    int deregister(MiscDevice misc);
}
