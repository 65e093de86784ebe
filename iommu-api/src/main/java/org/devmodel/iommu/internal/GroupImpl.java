package org.devmodel.iommu.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.devmodel.core.device.BusEvent;
import org.devmodel.core.device.Device;
import org.devmodel.iommu.DmaDirection;
import org.devmodel.iommu.GroupListener;
import org.devmodel.iommu.IommuDomain;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.TceTable;

/**
 * A group: its members, its notifier chain, and what its devices translate through: the domain
 * attached to it, if any, or on POWER its TCE table.
 */
final class GroupImpl implements IommuGroup {
    private final int id;
    private final List<Device> devices = new CopyOnWriteArrayList<>();
    private final List<GroupListener> listeners = new CopyOnWriteArrayList<>();
    private volatile IommuDomain domain;
    private volatile TceTableImpl tceTable;

    GroupImpl(int id) {
        this.id = id;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public Optional<TceTable> tceTable() {
        return Optional.ofNullable(tceTable);
    }

    TceTableImpl tce() {
        return tceTable;
    }

    void setTceTable(TceTableImpl table) {
        this.tceTable = table;
    }

    /** {@return the translation of a DMA through the TCE table or the attached domain; empty on a fault} */
    Optional<IommuDomain.Translation> translate(long iova, DmaDirection direction) {
        TceTableImpl table = tceTable;
        if (table != null) {
            return table.translate(iova, direction);
        }
        IommuDomain attached = domain;
        return attached == null ? Optional.empty() : attached.translate(iova, direction);
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
