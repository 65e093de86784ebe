package org.devmodel.vfio.client;

import org.devmodel.core.KernelException;
import org.devmodel.core.proc.Mman;
import org.devmodel.vfio.uapi.VfioIoctls;

/**
 * A region of a device ({@code struct vfio_region_info}): a window of the device fd at
 * {@link #offset()} (for vfio-pci the index shifted to bit 40), read and written with
 * {@code pread}/{@code pwrite} at offsets inside the region, or mapped with {@link #mmap()}.
 * Values are little-endian, as the device's registers are to an x86 CPU.
 */
public final class Region {
    private final Device device;
    private final int index;
    private final int flags;
    private final long size;
    private final long offset;

    Region(Device device, int index, int flags, long size, long offset) {
        this.device = device;
        this.index = index;
        this.flags = flags;
        this.size = size;
        this.offset = offset;
    }

    /** {@return the region index} */
    public int index() {
        return index;
    }

    /** {@return {@code VFIO_REGION_INFO_FLAG_*}} */
    public int flags() {
        return flags;
    }

    /** {@return the size in bytes; 0 for a BAR the device lacks} */
    public long size() {
        return size;
    }

    /** {@return where the region starts in the device fd} */
    public long offset() {
        return offset;
    }

    /** {@return whether it can be read ({@code VFIO_REGION_INFO_FLAG_READ})} */
    public boolean readable() {
        return (flags & VfioIoctls.VFIO_REGION_INFO_FLAG_READ) != 0;
    }

    /** {@return whether it can be written ({@code VFIO_REGION_INFO_FLAG_WRITE})} */
    public boolean writable() {
        return (flags & VfioIoctls.VFIO_REGION_INFO_FLAG_WRITE) != 0;
    }

    /** {@return whether it can be mapped ({@code VFIO_REGION_INFO_FLAG_MMAP})} */
    public boolean mappable() {
        return (flags & VfioIoctls.VFIO_REGION_INFO_FLAG_MMAP) != 0;
    }

    /**
     * {@code pread} of one value: the kernel splits an access as the device allows (v3.14's
     * vfio-pci reads a BAR in aligned pieces of at most 4 bytes).
     *
     * @param at the offset in the region
     * @param width 1, 2, 4 or 8 bytes
     * @return the value, zero-extended
     * @throws KernelException EINVAL past the region's end, EIO for a short read, ...
     */
    public long read(long at, int width) throws KernelException {
        return device.calls().pread(width, offset + at);
    }

    /**
     * {@code pwrite} of one value.
     *
     * @param at the offset in the region
     * @param width 1, 2, 4 or 8 bytes
     * @param value the value; its low {@code width} bytes are written
     * @throws KernelException EINVAL past the region's end, EIO for a short write, ...
     */
    public void write(long at, int width, long value) throws KernelException {
        device.calls().pwrite(width, offset + at, value);
    }

    /**
     * {@code mmap} of the whole region, shared, readable and writable as the region is; the mapping
     * ends with {@link MappedRegion#close()} or with the device.
     *
     * @return the mapping
     * @throws KernelException EINVAL for a region that cannot be mapped, ...
     */
    public MappedRegion mmap() throws KernelException {
        int prot = (readable() ? Mman.PROT_READ : 0) | (writable() ? Mman.PROT_WRITE : 0);
        long address = device.calls().mmap(size, prot, offset);
        return device.mapped(new MappedRegion(device, index, address, size));
    }
}
