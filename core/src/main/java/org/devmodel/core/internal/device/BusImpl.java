package org.devmodel.core.internal.device;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusListener;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.DeviceDriver;

/** A bus: its devices and drivers in registration order, its match and its notifier chain. */
final class BusImpl implements Bus {
    private final String name;
    final BusMatcher matcher;
    final Map<String, DeviceImpl> devices = new LinkedHashMap<>();
    final Map<String, DeviceDriver> drivers = new LinkedHashMap<>();
    final List<BusListener> listeners = new CopyOnWriteArrayList<>();

    BusImpl(String name, BusMatcher matcher) {
        this.name = name;
        this.matcher = matcher;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
