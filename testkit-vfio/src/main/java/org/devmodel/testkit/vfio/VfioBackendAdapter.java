package org.devmodel.testkit.vfio;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_READ;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DMA_MAP_FLAG_WRITE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_UNMAP_DMA;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_MAP;
import static org.devmodel.vfio.uapi.VfioStructs.VFIO_IOMMU_TYPE1_DMA_UNMAP;

import java.nio.file.Path;
import java.util.Optional;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.StructValue;

/**
 * What {@link VfioBackendContract} needs to know about one VFIO IOMMU backend: the module and the
 * machine it runs on, the IOMMU type a container asks for, the set-up the backend's UAPI wants
 * after {@code VFIO_SET_IOMMU}, where DMA may go, and how to map and unmap. The defaults map and
 * unmap with type1's structs, which v3.14's sPAPR backend takes too.
 *
 * <p>Implementations are stateless; the contract calls them from its tests in any order.
 */
public interface VfioBackendAdapter {

    /** {@return the backend's kernel module, e.g. {@code vfio_iommu_type1}} */
    String moduleName();

    /** {@return the kernel command line of the machine the backend runs on; empty for the default x86 platform} */
    default String commandLine() {
        return "";
    }

    /** {@return a modules directory holding the backend's jar; empty when it is on the module path} */
    default Optional<Path> modulesDirectory() {
        return Optional.empty();
    }

    /** {@return the IOMMU type a container sets, e.g. {@code VFIO_TYPE1_IOMMU}} */
    long iommuType();

    /**
     * Readies a container whose backend was just set ({@code VFIO_IOMMU_ENABLE} for sPAPR).
     *
     * @param session the process with the container and the group in it
     * @throws KernelException when the backend refuses
     */
    default void setUp(VfioSession session) throws KernelException {
        // most backends need nothing more
    }

    /**
     * {@return where the container's devices may DMA once set up; empty for a backend without
     * mappings, for which the contract's DMA tests are skipped}
     *
     * @param session the process with the container set up
     * @throws KernelException when the backend refuses to say
     */
    Optional<DmaWindow> usableWindow(VfioSession session) throws KernelException;

    /**
     * Maps process memory for DMA by the device, readable and writable.
     *
     * @param session the process
     * @param vaddr the user address, page-aligned
     * @param iova the I/O virtual address, inside {@link #usableWindow}
     * @param size the length, a whole number of pages
     * @throws KernelException the backend's errno
     */
    default void map(VfioSession session, long vaddr, long iova, long size) throws KernelException {
        StructValue map = StructValue.of(VFIO_IOMMU_TYPE1_DMA_MAP).set("argsz", VFIO_IOMMU_TYPE1_DMA_MAP.size())
                .set("flags", VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE)
                .set("vaddr", vaddr).set("iova", iova).set("size", size);
        session.containerIoctl(VFIO_IOMMU_MAP_DMA, session.place(map));
    }

    /**
     * Unmaps what {@link #map} mapped.
     *
     * @param session the process
     * @param iova the I/O virtual address
     * @param size the length
     * @throws KernelException the backend's errno
     */
    default void unmap(VfioSession session, long iova, long size) throws KernelException {
        StructValue unmap = StructValue.of(VFIO_IOMMU_TYPE1_DMA_UNMAP).set("argsz", VFIO_IOMMU_TYPE1_DMA_UNMAP.size())
                .set("iova", iova).set("size", size);
        session.containerIoctl(VFIO_IOMMU_UNMAP_DMA, session.place(unmap));
    }
}
