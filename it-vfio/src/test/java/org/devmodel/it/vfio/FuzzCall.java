package org.devmodel.it.vfio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One step of a fuzz program: an operation and three numbers that choose its fd, ioctl, addresses
 * and bytes (see {@link FuzzRunner} for how each operation reads them). Its text form, one call a
 * line, is what failing cases are kept in: {@code IOCTL 2 9 0x1234}.
 *
 * @param op the operation
 * @param a the first choice, usually the fd
 * @param b the second
 * @param c the third, often a seed for argument bytes
 */
record FuzzCall(Op op, long a, long b, long c) {

    /** What a call does. */
    enum Op {
        /** open a VFIO node (or another). */
        OPEN,
        /** close an fd. */
        CLOSE,
        /** any ioctl with a generated argument: integers, random struct bytes, bad pointers. */
        IOCTL,
        /** VFIO_GROUP_SET_CONTAINER with another fd. */
        SET_CONTAINER,
        /** VFIO_SET_IOMMU with a small type. */
        SET_IOMMU,
        /** VFIO_IOMMU_ENABLE (sPAPR's; other backends refuse it), or a third of the time VFIO_IOMMU_DISABLE. */
        ENABLE,
        /** VFIO_IOMMU_MAP_DMA of the process's buffer. */
        MAP_DMA,
        /** VFIO_IOMMU_UNMAP_DMA. */
        UNMAP_DMA,
        /** VFIO_GROUP_GET_DEVICE_FD by a name. */
        DEVICE_FD,
        /** pread or pwrite at a region offset. */
        RW,
        /** VFIO_DEVICE_SET_IRQS with generated header fields and data. */
        SET_IRQS,
        /** an eventfd for SET_IRQS to use. */
        EVENTFD,
        /** munmap a page of the DMA buffer, pinned or not. */
        MUNMAP,
        /** let virtual time pass, so device timers fire. */
        TICK
    }

    /** {@return the call as a line of a kept case} */
    @Override
    public String toString() {
        return op + " " + a + " " + b + " 0x" + Long.toHexString(c);
    }

    /**
     * Reads kept cases: calls one a line, cases separated by blank lines, {@code #} comments.
     *
     * @param text the file's text
     * @return the cases in file order
     * @throws IllegalArgumentException naming the line that is not a call
     */
    static List<List<FuzzCall>> parseCases(String text) {
        List<List<FuzzCall>> cases = new ArrayList<>();
        List<FuzzCall> current = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("#")) {
                continue;
            }
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    cases.add(List.copyOf(current));
                    current.clear();
                }
                continue;
            }
            String[] words = line.split("\\s+");
            if (words.length != 4) {
                throw new IllegalArgumentException("line " + (i + 1) + ": not OP a b c: " + line);
            }
            current.add(new FuzzCall(Op.valueOf(words[0].toUpperCase(Locale.ROOT)), Long.decode(words[1]),
                    Long.decode(words[2]), Long.parseUnsignedLong(words[3].substring(2), 16)));
        }
        if (!current.isEmpty()) {
            cases.add(List.copyOf(current));
        }
        return cases;
    }
}
