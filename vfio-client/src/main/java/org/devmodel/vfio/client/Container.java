package org.devmodel.vfio.client;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GET_API_VERSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_DISABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_ENABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_MAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_SPAPR_TCE_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_UNMAP_DMA;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SET_IOMMU;

import java.util.Objects;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.StructValue;
import org.devmodel.vfio.client.internal.FdCalls;
import org.devmodel.vfio.uapi.VfioStructs;

/**
 * A VFIO container: an open {@code /dev/vfio/vfio}, the IOMMU context its groups share. The
 * calls come in the order of {@code Documentation/vfio.txt}: check the API version and the IOMMU
 * model, put a group in ({@link Group#setContainer}), pick the model ({@link #setIommu}), then
 * query it and map the process's memory for DMA.
 *
 * <p>The IOMMU calls are grouped by model, as the UAPI reuses their numbers per model: type1's
 * {@link #iommuInfo()}; sPAPR TCE's {@link #spaprTceInfo()} (its DMA window), {@link #enable()} and
 * {@link #disable()}; and {@link #mapDma} and {@link #unmapDma(long, long)}, whose structs v3.14's
 * sPAPR backend takes as type1 does (mappings inside the window only).
 *
 * <p>Closing the fd does not end the container in the kernel while a group is in it: the
 * container lives until its last group leaves, which also removes every DMA mapping. Close
 * devices and groups first (try-with-resources in the order of opening does).
 */
public final class Container implements AutoCloseable {
    /** The container node, misc device 10:196. */
    public static final String PATH = "/dev/vfio/vfio";

    private final FdCalls calls;

    private Container(FdCalls calls) {
        this.calls = calls;
    }

    /**
     * {@code open("/dev/vfio/vfio", O_RDWR)}: a new, empty container (the open loads {@code vfio}
     * where it is a module).
     *
     * @param process the process
     * @return the container
     * @throws KernelException ENOENT without VFIO, EACCES, ENODEV, ...
     */
    public static Container open(Userspace process) throws KernelException {
        Objects.requireNonNull(process, "process");
        return new Container(FdCalls.open(process.syscalls(), process.memory(),
                () -> process.syscalls().open(PATH, OpenFlags.O_RDWR)));
    }

    /** {@return the fd} */
    public int fd() {
        return calls.fd();
    }

    /**
     * {@code VFIO_GET_API_VERSION}.
     *
     * @return the kernel's VFIO API version ({@code VFIO_API_VERSION}, 0, in every kernel so far)
     * @throws KernelException the kernel's errno
     */
    public int apiVersion() throws KernelException {
        return (int) calls.ioctl(VFIO_GET_API_VERSION, 0);
    }

    /**
     * {@code VFIO_CHECK_EXTENSION}: whether an extension (an IOMMU model, in v3.14) is supported,
     * by the backend set on the container or else by any registered backend.
     *
     * @param extension e.g. {@code VFIO_TYPE1_IOMMU}
     * @return whether the kernel answered above 0
     * @throws KernelException the kernel's errno
     */
    public boolean checkExtension(int extension) throws KernelException {
        return calls.ioctl(VFIO_CHECK_EXTENSION, extension) > 0;
    }

    /**
     * {@code VFIO_CHECK_EXTENSION} for an IOMMU model.
     *
     * @param type the model
     * @return whether the kernel supports it
     * @throws KernelException the kernel's errno
     */
    public boolean supports(IommuType type) throws KernelException {
        return checkExtension(type.value());
    }

    /**
     * {@code VFIO_SET_IOMMU}: picks the IOMMU model; needs a group in the container.
     *
     * @param type the model
     * @throws KernelException EINVAL without a group or for a model no backend supports, EBUSY once
     *     one is set, ...
     */
    public void setIommu(IommuType type) throws KernelException {
        calls.ioctl(VFIO_SET_IOMMU, type.value());
    }

    /**
     * {@code VFIO_IOMMU_GET_INFO} on a type1 container.
     *
     * @return the IOMMU's flags and page sizes
     * @throws KernelException EINVAL before {@link #setIommu} (v3.14's {@code vfio_fops_unl_ioctl} has no
     *     backend to pass it to) or for a short {@code argsz}
     */
    public Type1Info iommuInfo() throws KernelException {
        StructValue info = calls.ioctl(VFIO_IOMMU_GET_INFO, FdCalls.argument(VfioStructs.VFIO_IOMMU_TYPE1_INFO));
        return new Type1Info((int) info.get("flags"), info.get("iova_pgsizes"));
    }

    /**
     * {@code VFIO_IOMMU_SPAPR_TCE_GET_INFO} on an sPAPR TCE container.
     *
     * @return the group's 32-bit DMA window
     * @throws KernelException EINVAL before {@link #setIommu} or for a short {@code argsz}, ENXIO
     *     once the group has left
     */
    public SpaprTceInfo spaprTceInfo() throws KernelException {
        StructValue info = calls.ioctl(VFIO_IOMMU_SPAPR_TCE_GET_INFO,
                FdCalls.argument(VfioStructs.VFIO_IOMMU_SPAPR_TCE_INFO));
        return new SpaprTceInfo((int) info.get("flags"), info.get("dma32_window_start"),
                info.get("dma32_window_size"));
    }

    /**
     * {@code VFIO_IOMMU_ENABLE} on an sPAPR TCE container: lets its devices DMA; the kernel charges the
     * whole window to the calling process's locked memory at once.
     *
     * @throws KernelException EBUSY when enabled already, ENOMEM past {@code RLIMIT_MEMLOCK} (without
     *     {@code CAP_IPC_LOCK}), ENXIO without a group, EINVAL before {@link #setIommu}, ...
     */
    public void enable() throws KernelException {
        calls.ioctl(VFIO_IOMMU_ENABLE, 0);
    }

    /**
     * {@code VFIO_IOMMU_DISABLE} on an sPAPR TCE container: gives the locked memory back; does nothing
     * on a container that is not enabled.
     *
     * @throws KernelException EINVAL before {@link #setIommu}, ...
     */
    public void disable() throws KernelException {
        calls.ioctl(VFIO_IOMMU_DISABLE, 0);
    }

    /**
     * {@code VFIO_IOMMU_MAP_DMA}: lets the container's devices reach
     * {@code size} bytes of the process's memory at {@code vaddr} through the I/O virtual address
     * {@code iova}; the kernel pins the pages, counted against {@code RLIMIT_MEMLOCK}.
     *
     * @param vaddr the address in the process, page aligned
     * @param iova the address the devices use, page aligned
     * @param size the length, whole pages
     * @param access what the devices may do
     * @return the mapping
     * @throws KernelException EINVAL for unaligned values, EEXIST over an existing mapping, EFAULT
     *     for memory the process lacks, ENOMEM past the locked-memory limit, EINVAL before
     *     {@link #setIommu}; on sPAPR EINVAL outside the window and EBUSY over a TCE in use, ...
     */
    public DmaMapping mapDma(long vaddr, long iova, long size, DmaAccess access) throws KernelException {
        Objects.requireNonNull(access, "access");
        calls.ioctl(VFIO_IOMMU_MAP_DMA, FdCalls.argument(VfioStructs.VFIO_IOMMU_TYPE1_DMA_MAP)
                .set("flags", access.flags()).set("vaddr", vaddr).set("iova", iova).set("size", size));
        return new DmaMapping(vaddr, iova, size, access);
    }

    /**
     * {@code VFIO_IOMMU_UNMAP_DMA}: removes the mappings in {@code [iova, iova + size)}; v3.14's type1
     * removes a mapping the range only overlaps whole, or splits it where the range cuts it at page
     * granularity; sPAPR clears each TCE of the range.
     *
     * @param iova the start, page aligned
     * @param size the length, whole pages
     * @return how many bytes were unmapped (the kernel's {@code size} on return; sPAPR leaves it as
     *     given)
     * @throws KernelException EINVAL for unaligned values or before {@link #setIommu}, ...
     */
    public long unmapDma(long iova, long size) throws KernelException {
        StructValue unmap = calls.ioctl(VFIO_IOMMU_UNMAP_DMA, FdCalls.argument(VfioStructs.VFIO_IOMMU_TYPE1_DMA_UNMAP)
                .set("iova", iova).set("size", size));
        return unmap.get("size");
    }

    /**
     * {@code VFIO_IOMMU_UNMAP_DMA} of a mapping {@link #mapDma} made.
     *
     * @param mapping the mapping
     * @return how many bytes were unmapped
     * @throws KernelException the kernel's errno
     */
    public long unmapDma(DmaMapping mapping) throws KernelException {
        return unmapDma(mapping.iova(), mapping.size());
    }

    /**
     * Closes the fd; closing again does nothing.
     *
     * @throws KernelException the errno of {@code close}
     */
    @Override
    public void close() throws KernelException {
        calls.close();
    }
}
