package org.devmodel.core.device;

/** The bus notifier chain's events ({@code BUS_NOTIFY_*} of {@code include/linux/device.h}). */
public enum BusEvent {
    /** {@code BUS_NOTIFY_ADD_DEVICE}: a device was added to the bus. */
    ADD_DEVICE,
    /** {@code BUS_NOTIFY_DEL_DEVICE}: a device is about to be removed. */
    DEL_DEVICE,
    /** {@code BUS_NOTIFY_BIND_DRIVER}: a driver is about to be bound. */
    BIND_DRIVER,
    /** {@code BUS_NOTIFY_BOUND_DRIVER}: a driver was bound. */
    BOUND_DRIVER,
    /** {@code BUS_NOTIFY_UNBIND_DRIVER}: a driver is about to be unbound. */
    UNBIND_DRIVER,
    /** {@code BUS_NOTIFY_UNBOUND_DRIVER}: a driver was unbound. */
    UNBOUND_DRIVER
}
