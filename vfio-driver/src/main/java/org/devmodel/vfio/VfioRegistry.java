package org.devmodel.vfio;

import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.iommu.vfio.VfioIommuDriver;

/**
 * The functions the {@code vfio} module exports, on the live {@code vfio} of one kernel: bus drivers
 * add and remove VFIO devices, IOMMU backends register and unregister themselves. Thread-safe.
 */
public interface VfioRegistry {

    /**
     * {@return the {@code vfio} module loaded in a kernel}
     *
     * <p>vfio is a loadable module, not a built-in subsystem, so it is not among
     * {@code Kernel.subsystem}'s answers: its {@code init} exports this registry through the loader
     * ({@code ModuleContext.export}). A module that depends on {@code vfio} gets it from its own
     * {@code init} with {@code context.dependency(VfioRegistry.class)}; this is the same lookup for
     * code that holds only the kernel.
     *
     * @param kernel the kernel
     * @throws IllegalStateException when {@code vfio} is not loaded in the kernel
     */
    static VfioRegistry of(Kernel kernel) {
        return kernel.modules().exported(VfioRegistry.class)
                .orElseThrow(() -> new IllegalStateException("vfio: module not loaded in this kernel"));
    }

    /**
     * {@code vfio_add_group_dev} - add a device to VFIO.
     *
     * <p>Called by a bus driver's {@code probe}. Finds the VFIO group of the device's IOMMU group,
     * creating it when this is the group's first VFIO device: a minor from the group IDR (the lowest
     * free one from 0) and the node {@code /dev/vfio/<iommu group id>} (0600) on class {@code vfio}.
     * The device's driver data becomes vfio's device; the bus driver keeps its own state in
     * {@code deviceData}.
     *
     * <p>The ops and data must stay valid until {@link #delGroupDev} returns.
     *
     * @param device the bus device, which must be in an IOMMU group
     * @param ops how its device fds are served
     * @param deviceData passed back to every call of {@code ops}
     * @param <T> the type of the device data
     * @throws KernelException EINVAL when the device is in no IOMMU group, EBUSY when it was already
     *     added, ENOSPC when no group minor is free, or {@code device_create}'s errno
     */
    <T> void addGroupDev(Device device, VfioDeviceOps<T> ops, T deviceData) throws KernelException;

    /**
     * {@code vfio_del_group_dev} - remove a device from VFIO.
     *
     * <p>Called by a bus driver's {@code remove}. Drops the reference taken by {@link #addGroupDev}
     * and then <em>waits</em> until every device fd of the device is closed, as the kernel's
     * {@code wait_event} does; the group goes with its last device.
     *
     * @param device a device added with {@link #addGroupDev}
     * @return the device data given to {@link #addGroupDev}
     * @throws IllegalStateException when the device was not added
     */
    Object delGroupDev(Device device);

    /**
     * The files of a VFIO device's open device fds ({@code VFIO_GROUP_GET_DEVICE_FD}), held through
     * an fd or a mapping: while one is left, {@link #delGroupDev} (an unbind from the bus driver)
     * waits for it. A process that holds one itself can ask before unbinding, instead of waiting for
     * itself forever.
     *
     * @param device a bus device
     * @return the open files, in the order they were opened; empty when none is open or the device
     *     is not a VFIO device
     */
    List<OpenFile> deviceFiles(Device device);

    /**
     * {@code vfio_register_iommu_driver} - register an IOMMU backend.
     *
     * <p>Called from a backend module's {@code init}. Containers ask registered backends, in
     * registration order, about extensions and IOMMU types; the backend's module is pinned while it is
     * asked and while a container uses it. A fault site ({@code vfio_register_iommu_driver}, natural
     * errno EINVAL) and a ledger entry {@code vfio_iommu_driver <name>}.
     *
     * <p>The driver must stay registered until {@link #unregisterIommuDriver}, normally from the
     * backend's {@code exit}.
     *
     * @param driver the backend
     * @throws KernelException EINVAL when the same driver is already registered, or an injected fault
     */
    void registerIommuDriver(VfioIommuDriver driver) throws KernelException;

    /**
     * {@code vfio_unregister_iommu_driver} - unregister an IOMMU backend; nothing when it is not
     * registered. Containers using it keep it (its module stays pinned) until their last group goes.
     *
     * @param driver the backend
     */
    void unregisterIommuDriver(VfioIommuDriver driver);

    /**
     * {@return every container that holds a group, in the order of its lowest group id, for tools
     * that show the kernel's state}; a container with no group is only an open file of
     * {@code /dev/vfio/vfio} and is not listed
     */
    List<VfioContainerState> containers();
}
