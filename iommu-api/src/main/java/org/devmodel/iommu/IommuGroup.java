package org.devmodel.iommu;

import java.util.List;
import java.util.Optional;
import org.devmodel.core.device.Device;

/**
 * {@code struct iommu_group}: the devices an IOMMU cannot isolate from one another, at
 * {@code /sys/kernel/iommu_groups/<id>}. A domain is attached to the whole group.
 */
public interface IommuGroup {

    /** {@return the group id, which names {@code /dev/vfio/<id>}} */
    int id();

    /**
     * {@return {@code iommu_group_get_iommudata} on POWER: the group's TCE table, which only
     * {@link IommuModel#SPAPR_TCE} machines give their groups}
     */
    Optional<TceTable> tceTable();

    /** {@return the member devices, in the order they joined} */
    List<Device> devices();

    /**
     * {@code iommu_group_register_notifier}.
     *
     * @param listener the block
     */
    void registerNotifier(GroupListener listener);

    /**
     * {@code iommu_group_unregister_notifier}.
     *
     * @param listener the block
     */
    void unregisterNotifier(GroupListener listener);
}
