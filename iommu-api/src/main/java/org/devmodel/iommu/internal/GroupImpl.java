package org.devmodel.iommu.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.devmodel.core.device.BusEvent;
import org.devmodel.core.device.Device;
import org.devmodel.iommu.GroupListener;
import org.devmodel.iommu.IommuDomain;
import org.devmodel.iommu.IommuGroup;

/** A group: its members, its notifier chain and the domain attached to it, if any. */
final class GroupImpl implements IommuGroup {
    private final int id;
    private final List<Device> devices = new CopyOnWriteArrayList<>();
    private final List<GroupListener> listeners = new CopyOnWriteArrayList<>();
    private volatile IommuDomain domain;

    GroupImpl(int id) {
        this.id = id;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public List<Device> devices() {
        return List.copyOf(devices);
    }

    void add(Device device) {
        devices.add(device);
    }

    boolean remove(Device device) {
        return devices.remove(device);
    }

    @Override
    public void registerNotifier(GroupListener listener) {
        listeners.add(listener);
    }

    @Override
    public void unregisterNotifier(GroupListener listener) {
        listeners.remove(listener);
    }

    void notify(BusEvent event, Device device) {
        listeners.forEach(l -> l.onGroupEvent(this, event, device));
    }

    IommuDomain domain() {
        return domain;
    }

    void setDomain(IommuDomain domain) {
        this.domain = domain;
    }

    @Override
    public String toString() {
        return "iommu group " + id;
    }
}
