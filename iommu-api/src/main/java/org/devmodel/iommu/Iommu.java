package org.devmodel.iommu;

import java.util.List;
import java.util.Optional;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.Device;

/**
 * The iommu core of one kernel, a built-in subsystem (reach it with
 * {@code kernel.subsystem(Iommu.class)}): the machine's IOMMU model, whether it has an IOMMU and
 * interrupt remapping (the command line's {@code intel_iommu=off} and {@code intremap=off} switch
 * them off), the IOMMU groups, and DMA through the domain attached to a device's group or, on
 * POWER, through the group's TCE table.
 */
public interface Iommu {

    /**
     * {@return {@code iommu_present(&pci_bus_type)}: false when booted with {@code intel_iommu=off},
     * and on a {@link IommuModel#SPAPR_TCE} machine, whose PCI bus has no IOMMU API}
     */
    boolean present();

    /** {@return the machine's IOMMU model} */
    IommuModel model();

    /**
     * Sets the machine's IOMMU model, as the platform does at boot before it creates any group.
     *
     * @param model the model
     * @throws IllegalStateException when a group exists already
     */
    void setModel(IommuModel model);

    /**
     * {@code iommu_register_group} of POWER's platform code: gives a group the TCE table of its 32-bit
     * DMA window, as {@code pnv_pci_ioda2_setup_dma_pe} does for a PE.
     *
     * @param group the group, which has no table yet
     * @param windowStart the window's first I/O address, a multiple of 4 KiB
     * @param windowSize its length in bytes, a multiple of 4 KiB above 0
     * @return the table
     * @throws IllegalStateException on a machine that is not {@link IommuModel#SPAPR_TCE}, or for a
     *     group with a table already
     * @throws IllegalArgumentException for a window that is empty or not 4 KiB-aligned
     */
    TceTable registerTceTable(IommuGroup group, long windowStart, long windowSize);

    /** {@return whether interrupts are remapped ({@code IOMMU_CAP_INTR_REMAP}): false with {@code intremap=off}} */
    boolean interruptRemapping();

    /**
     * {@code bus_set_iommu}: watches a bus's notifier chain so the groups of its devices see driver
     * binding events.
     *
     * @param bus the bus
     */
    void watchBus(Bus bus);

    /**
     * The group with an id, created when absent, as a platform's enumeration defines groups.
     *
     * @param id the group id
     * @return the group
     */
    IommuGroup group(int id);

    /**
     * {@code iommu_group_add_device}: the device joins the group (ADD_DEVICE is sent).
     *
     * @param group the group
     * @param device the device
     * @throws KernelException EBUSY when the device is already in a group
     */
    void addDevice(IommuGroup group, Device device) throws KernelException;

    /**
     * {@code iommu_group_remove_device}: the device leaves its group (DEL_DEVICE is sent); an empty
     * group is removed.
     *
     * @param device the device
     */
    void removeDevice(Device device);

    /**
     * {@return {@code iommu_group_get}: the group of a device, if it is in one}
     *
     * @param device the device
     */
    Optional<IommuGroup> groupOf(Device device);

    /** {@return every group, by id} */
    List<IommuGroup> groups();

    /**
     * {@code iommu_attach_group}: DMA by the group's devices now goes through the domain.
     *
     * @param domain the domain
     * @param group the group
     * @throws KernelException EBUSY when another domain is attached, ENODEV without an IOMMU (or
     *     on a {@link IommuModel#SPAPR_TCE} machine)
     */
    void attachGroup(IommuDomain domain, IommuGroup group) throws KernelException;

    /**
     * {@code iommu_detach_group}: DMA by the group's devices faults again.
     *
     * @param domain the domain attached
     * @param group the group
     */
    void detachGroup(IommuDomain domain, IommuGroup group);

    /**
     * A device reads memory through its group's domain, or its group's TCE table.
     *
     * @param device the device doing DMA
     * @param iova the I/O virtual address
     * @param length how many bytes
     * @return the bytes
     * @throws KernelException EFAULT on an IOMMU fault (logged with group, device, address and
     *     direction; no memory is touched)
     */
    byte[] dmaRead(Device device, long iova, int length) throws KernelException;

    /**
     * A device writes memory through its group's domain, or its group's TCE table.
     *
     * @param device the device doing DMA
     * @param iova the I/O virtual address
     * @param data the bytes
     * @throws KernelException EFAULT on an IOMMU fault (logged; no memory is touched)
     */
    void dmaWrite(Device device, long iova, byte[] data) throws KernelException;
}
