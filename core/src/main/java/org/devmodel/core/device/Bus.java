package org.devmodel.core.device;

/** {@code struct bus_type}: a bus with its devices and drivers, under {@code /sys/bus/<name>}. */
public interface Bus {

    /** {@return the bus name, e.g. {@code pci}} */
    String name();
}
