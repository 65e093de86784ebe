package org.devmodel.iommu;

import org.devmodel.core.device.Device;

/** A block on an IOMMU group's notifier chain, such as VFIO's viability watcher. */
@FunctionalInterface
public interface GroupListener {

    /**
     * Receives an event, synchronously, on the thread that caused it.
     *
     * @param group the group
     * @param event what happened
     * @param device the member device it happened to
     */
    void onGroupEvent(IommuGroup group, GroupEvent event, Device device);
}
