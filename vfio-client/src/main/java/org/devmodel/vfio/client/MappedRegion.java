package org.devmodel.vfio.client;

import org.devmodel.core.KernelException;

/**
 * A device region mapped into the process: loads and stores at offsets in it reach the device
 * directly (on the model, its MMIO handler), with no system call. Values are little-endian.
 */
public final class MappedRegion implements AutoCloseable {
    private final Device device;
    private final int index;
    private final long address;
    private final long size;
    private boolean closed;

    MappedRegion(Device device, int index, long address, long size) {
        this.device = device;
        this.index = index;
        this.address = address;
        this.size = size;
    }

    /** {@return the region index} */
    public int index() {
        return index;
    }

    /** {@return where it is mapped in the process} */
    public long address() {
        return address;
    }

    /** {@return its length} */
    public long size() {
        return size;
    }

    /**
     * Loads a value.
     *
     * @param at the offset in the region
     * @param width 1, 2, 4 or 8 bytes
     * @return the value, zero-extended
     * @throws KernelException EFAULT where the memory cannot tell
     */
    public long load(long at, int width) throws KernelException {
        return device.process().memory().load(checked(at, width), width);
    }

    /**
     * Stores a value.
     *
     * @param at the offset in the region
     * @param width 1, 2, 4 or 8 bytes
     * @param value the value; its low {@code width} bytes are stored
     * @throws KernelException EFAULT where the memory cannot tell
     */
    public void store(long at, int width, long value) throws KernelException {
        device.process().memory().store(checked(at, width), width, value);
    }

    /**
     * Unmaps it; closing again does nothing.
     *
     * @throws KernelException the errno of {@code munmap}
     */
    @Override
    public synchronized void close() throws KernelException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            device.process().syscalls().munmap(address, size);
        } finally {
            device.unmapped(this);
        }
    }

    /** Real memory cannot report a stray access: an offset outside the mapping never reaches it. */
    private synchronized long checked(long at, int width) {
        if (closed) {
            throw new IllegalStateException("region " + index + " is unmapped");
        }
        if (at < 0 || at > size - width) {
            throw new IndexOutOfBoundsException("region " + index + ": " + width + " bytes at 0x"
                    + Long.toHexString(at) + " outside its 0x" + Long.toHexString(size) + " bytes");
        }
        return address + at;
    }
}
