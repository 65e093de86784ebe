package org.devmodel.iommu;

import org.devmodel.core.device.BusEvent;
import org.devmodel.core.device.Device;

/** A block on an IOMMU group's notifier chain, such as VFIO's viability watcher. */
@FunctionalInterface
public interface GroupListener {

    /**
     * Receives an event, synchronously, on the thread that caused it.
     *
     * @param group the group
     * @param event what happened ({@code IOMMU_GROUP_NOTIFY_*}: the same six events as the bus
     *     notifier's, which {@code iommu_bus_notifier} passes on for members of the group)
     * @param device the member device it happened to
     */
    void onGroupEvent(IommuGroup group, BusEvent event, Device device);
}
