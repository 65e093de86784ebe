package org.devmodel.core.device;

/** {@code struct class}: a class of devices under {@code /sys/class/<name>}. */
public interface DeviceClass {

    /** {@return the class name} */
    String name();
}
