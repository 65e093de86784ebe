package org.devmodel.core.mem;

/**
 * The asm-generic ioctl number encoding ({@code include/uapi/asm-generic/ioctl.h}, used by x86_64):
 * nr in bits 0-7, type in bits 8-15, argument size in bits 16-29, direction in bits 30-31.
 * Numbers are the kernel's {@code unsigned int cmd}, held in an {@code int}.
 */
public final class IoctlNumber {
    /** {@code _IOC_NONE}: no data transferred. */
    public static final int DIR_NONE = 0;
    /** {@code _IOC_WRITE}: userspace writes, the kernel reads the argument. */
    public static final int DIR_WRITE = 1;
    /** {@code _IOC_READ}: the kernel writes the argument. */
    public static final int DIR_READ = 2;

    private static final int NR_SHIFT = 0;
    private static final int TYPE_SHIFT = 8;
    private static final int SIZE_SHIFT = 16;
    private static final int DIR_SHIFT = 30;
    private static final int SIZE_MASK = (1 << 14) - 1;

    private IoctlNumber() {
    }

    /**
     * {@code _IOC(dir, type, nr, size)}.
     *
     * @param dir {@link #DIR_NONE}, {@link #DIR_WRITE}, {@link #DIR_READ} or both bits
     * @param type the type byte, e.g. {@code ';'} for VFIO
     * @param nr the command number, 0-255
     * @param size the argument size, 0-16383
     * @return the ioctl number
     * @throws IllegalArgumentException if a part does not fit its bits
     */
    public static int ioc(int dir, int type, int nr, int size) {
        check("dir", dir, 3);
        check("type", type, 0xff);
        check("nr", nr, 0xff);
        check("size", size, SIZE_MASK);
        return (dir << DIR_SHIFT) | (size << SIZE_SHIFT) | (type << TYPE_SHIFT) | (nr << NR_SHIFT);
    }

    /**
     * {@code _IO(type, nr)}: an ioctl without a sized argument, as every VFIO ioctl is.
     *
     * @param type the type byte
     * @param nr the command number
     * @return the ioctl number
     */
    public static int io(int type, int nr) {
        return ioc(DIR_NONE, type, nr, 0);
    }

    /**
     * {@code _IOR(type, nr, size)}: the kernel writes a {@code size}-byte argument.
     *
     * @param type the type byte
     * @param nr the command number
     * @param size {@code sizeof} the argument
     * @return the ioctl number
     */
    public static int ior(int type, int nr, int size) {
        return ioc(DIR_READ, type, nr, size);
    }

    /**
     * {@code _IOW(type, nr, size)}: the kernel reads a {@code size}-byte argument.
     *
     * @param type the type byte
     * @param nr the command number
     * @param size {@code sizeof} the argument
     * @return the ioctl number
     */
    public static int iow(int type, int nr, int size) {
        return ioc(DIR_WRITE, type, nr, size);
    }

    /**
     * {@code _IOWR(type, nr, size)}: the argument goes both ways.
     *
     * @param type the type byte
     * @param nr the command number
     * @param size {@code sizeof} the argument
     * @return the ioctl number
     */
    public static int iowr(int type, int nr, int size) {
        return ioc(DIR_READ | DIR_WRITE, type, nr, size);
    }

    /**
     * {@return {@code _IOC_DIR(cmd)}}
     *
     * @param cmd an ioctl number
     */
    public static int dir(int cmd) {
        return cmd >>> DIR_SHIFT;
    }

    /**
     * {@return {@code _IOC_TYPE(cmd)}}
     *
     * @param cmd an ioctl number
     */
    public static int type(int cmd) {
        return (cmd >>> TYPE_SHIFT) & 0xff;
    }

    /**
     * {@return {@code _IOC_NR(cmd)}}
     *
     * @param cmd an ioctl number
     */
    public static int nr(int cmd) {
        return (cmd >>> NR_SHIFT) & 0xff;
    }

    /**
     * {@return {@code _IOC_SIZE(cmd)}}
     *
     * @param cmd an ioctl number
     */
    public static int size(int cmd) {
        return (cmd >>> SIZE_SHIFT) & SIZE_MASK;
    }

    private static void check(String part, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException("ioctl " + part + " out of range: " + value);
        }
    }
}
