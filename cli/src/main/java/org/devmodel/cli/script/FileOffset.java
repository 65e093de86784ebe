package org.devmodel.cli.script;

/** A file offset for {@code read}, {@code write} and {@code mmap}: a number or a VFIO PCI region expression. */
public sealed interface FileOffset {

    /**
     * A plain offset.
     *
     * @param offset the offset
     */
    record Absolute(long offset) implements FileOffset {
    }

    /**
     * {@code BAR0+0x4}, {@code CONFIG+0x0}: an offset inside a region of a VFIO PCI device, whose
     * file offset the device tells at run time.
     *
     * @param region the region's name: {@code BAR0} to {@code BAR5}, {@code ROM}, {@code CONFIG} or {@code VGA}
     * @param delta the offset inside the region
     * @param position where the expression is written
     */
    record Region(String region, long delta, Position position) implements FileOffset {
    }
}
