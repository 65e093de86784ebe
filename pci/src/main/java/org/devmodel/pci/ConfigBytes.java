package org.devmodel.pci;

/**
 * Little-endian access to config-space images kept as byte arrays, as the PCI core keeps a
 * function's registers and vfio-pci keeps its virtualised copy and permission bits.
 */
public final class ConfigBytes {
    private ConfigBytes() {
    }

    /**
     * {@return the value of {@code size} bytes at an offset, little-endian, zero-extended}
     *
     * @param image the config-space image
     * @param offset the first byte
     * @param size 1 to 4
     */
    public static int get(byte[] image, int offset, int size) {
        int value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = value << 8 | image[offset + i] & 0xff;
        }
        return value;
    }

    /**
     * Stores the low {@code size} bytes of a value at an offset, little-endian.
     *
     * @param image the config-space image
     * @param offset the first byte
     * @param size 1 to 4
     * @param value the value
     */
    public static void put(byte[] image, int offset, int size, int value) {
        for (int i = 0; i < size; i++) {
            image[offset + i] = (byte) (value >>> 8 * i);
        }
    }
}
