package org.devmodel.core.device;

import java.util.Map;
import java.util.Objects;

/**
 * A kobject uevent as udev receives it.
 *
 * @param action {@code add} or {@code remove}
 * @param devpath the sysfs path below {@code /sys}, e.g. {@code /devices/virtual/misc/vfio}
 * @param environment {@code MAJOR}, {@code MINOR}, {@code DEVNAME}, {@code DEVMODE} (when the devnode set one), ...
 */
public record Uevent(String action, String devpath, Map<String, String> environment) {
    /** Copies the environment. */
    public Uevent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(devpath, "devpath");
        environment = Map.copyOf(environment);
    }
}
