package org.devmodel.iommu;

/** The IOMMU group notifier's events ({@code IOMMU_GROUP_NOTIFY_*}), fed by the bus notifier chain. */
public enum GroupEvent {
    /** A device joined the group. */
    ADD_DEVICE,
    /** A device is leaving the group. */
    DEL_DEVICE,
    /** A driver is about to bind a device of the group. */
    BIND_DRIVER,
    /** A driver bound a device of the group. */
    BOUND_DRIVER,
    /** A driver is about to unbind a device of the group. */
    UNBIND_DRIVER,
    /** A driver unbound a device of the group. */
    UNBOUND_DRIVER
}
