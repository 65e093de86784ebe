package org.devmodel.vfio;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A VFIO container as a tool shows the kernel's state: its IOMMU backend, its groups with their
 * devices, and the backend's DMA mappings. A snapshot: it does not change with the container.
 *
 * @param backend the IOMMU driver set with {@code VFIO_SET_IOMMU}, e.g. {@code vfio_iommu_type1}; empty
 *     before one is set
 * @param groups the groups in the container, by IOMMU group id
 * @param mappings the backend's DMA mappings, one line each, e.g. {@code 0x10000+0x2000 -> 0x7f0000000000 rw}
 */
public record VfioContainerState(Optional<String> backend, List<Group> groups, List<String> mappings) {
    /** Copies the lists. */
    public VfioContainerState {
        Objects.requireNonNull(backend, "backend");
        groups = List.copyOf(groups);
        mappings = List.copyOf(mappings);
    }

    /**
     * A group in a container.
     *
     * @param id the IOMMU group id, which names {@code /dev/vfio/<id>}
     * @param devices the names of the devices vfio knows in the group, e.g. {@code 0000:00:03.0}
     */
    public record Group(int id, List<String> devices) {
        /** Copies the list. */
        public Group {
            devices = List.copyOf(devices);
        }
    }
}
