package org.devmodel.vfio.client;

import org.devmodel.core.KernelException;

/**
 * A vfio-pci device's config space as its driver sees it: vfio-pci virtualizes parts of it (the
 * BARs, parts of COMMAND, the MSI capability), so reads and writes go through the kernel and are
 * not the hardware's bytes. Names follow the kernel's {@code pci_read_config_byte}/{@code word}/
 * {@code dword}.
 */
public final class ConfigSpace {
    /** {@code PCI_VENDOR_ID}, 16 bits. */
    public static final int VENDOR_ID = 0x00;
    /** {@code PCI_DEVICE_ID}, 16 bits. */
    public static final int DEVICE_ID = 0x02;
    /** {@code PCI_COMMAND}, 16 bits. */
    public static final int COMMAND = 0x04;
    /** {@code PCI_COMMAND_MEMORY}: the function decodes its memory BARs. */
    public static final int COMMAND_MEMORY = 0x2;
    /** {@code PCI_COMMAND_MASTER}: the function may master the bus (DMA, MSI). */
    public static final int COMMAND_MASTER = 0x4;
    /** {@code PCI_COMMAND_INTX_DISABLE}. */
    public static final int COMMAND_INTX_DISABLE = 0x400;

    private final Region region;

    ConfigSpace(Region region) {
        this.region = region;
    }

    /** {@return the config region itself} */
    public Region region() {
        return region;
    }

    /**
     * {@return the byte at an offset}
     *
     * @param offset the offset
     * @throws KernelException the kernel's errno
     */
    public int readByte(int offset) throws KernelException {
        return (int) region.read(offset, 1);
    }

    /**
     * {@return the 16-bit word at an offset}
     *
     * @param offset the offset
     * @throws KernelException the kernel's errno
     */
    public int readWord(int offset) throws KernelException {
        return (int) region.read(offset, 2);
    }

    /**
     * {@return the 32-bit dword at an offset, as an unsigned value}
     *
     * @param offset the offset
     * @throws KernelException the kernel's errno
     */
    public long readDword(int offset) throws KernelException {
        return region.read(offset, 4);
    }

    /**
     * Writes a byte.
     *
     * @param offset the offset
     * @param value the value (low 8 bits)
     * @throws KernelException the kernel's errno
     */
    public void writeByte(int offset, int value) throws KernelException {
        region.write(offset, 1, value);
    }

    /**
     * Writes a 16-bit word.
     *
     * @param offset the offset
     * @param value the value (low 16 bits)
     * @throws KernelException the kernel's errno
     */
    public void writeWord(int offset, int value) throws KernelException {
        region.write(offset, 2, value);
    }

    /**
     * Writes a 32-bit dword.
     *
     * @param offset the offset
     * @param value the value (low 32 bits)
     * @throws KernelException the kernel's errno
     */
    public void writeDword(int offset, long value) throws KernelException {
        region.write(offset, 4, value);
    }

    /**
     * {@return the vendor ID}
     *
     * @throws KernelException the kernel's errno
     */
    public int vendorId() throws KernelException {
        return readWord(VENDOR_ID);
    }

    /**
     * {@return the device ID}
     *
     * @throws KernelException the kernel's errno
     */
    public int deviceId() throws KernelException {
        return readWord(DEVICE_ID);
    }

    /**
     * Sets bits of COMMAND by read-modify-write, as {@code pci_set_master} does for
     * {@link #COMMAND_MASTER}.
     *
     * @param bits the bits to set
     * @return COMMAND as written
     * @throws KernelException the kernel's errno
     */
    public int setCommandBits(int bits) throws KernelException {
        int command = readWord(COMMAND) | bits;
        writeWord(COMMAND, command);
        return command;
    }
}
