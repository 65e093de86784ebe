package org.devmodel.iommu;

import java.util.Optional;
import org.devmodel.core.mem.AddressSpace;

/**
 * {@code struct iommu_domain} as devices see it: the translation of I/O virtual addresses to the
 * memory of a process. An IOMMU backend implements it and attaches it to groups; bus drivers never
 * call it directly but go through {@link Iommu#dmaRead} and {@link Iommu#dmaWrite}.
 */
public interface IommuDomain {

    /**
     * Translates one I/O virtual address.
     *
     * @param iova the address the device used
     * @param direction the access, checked against the mapping's permissions
     * @return where the byte lives and how many bytes from there on are mapped contiguously with the
     *     same permission; empty when nothing maps it or the permission is missing (an IOMMU fault)
     */
    Optional<Translation> translate(long iova, DmaDirection direction);

    /**
     * Where an I/O virtual address lands.
     *
     * @param memory the process memory the mapping pins
     * @param address the user address of the byte
     * @param contiguous how many bytes from {@code address} on the same mapping covers
     */
    record Translation(AddressSpace memory, long address, long contiguous) {
    }
}
