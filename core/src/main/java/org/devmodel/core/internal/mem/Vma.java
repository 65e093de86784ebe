package org.devmodel.core.internal.mem;

import org.devmodel.core.mem.Mapping;
import org.devmodel.core.mem.MmioHandler;

/**
 * A virtual memory area: one mapping's range and its backing, the counterpart of the kernel's
 * {@code vm_area_struct}. Ranges are half-open, {@code [start, end)}, and page-aligned.
 */
public sealed interface Vma permits Vma.Anonymous, Vma.Device {

    /** {@return the first address} */
    long start();

    /** {@return the first address after the area} */
    long end();

    /**
     * Cuts out a part of this area, as munmap does when it splits a mapping.
     *
     * @param from the first address of the part, inside this area
     * @param to the end of the part, inside this area
     * @return an area of the same backing covering {@code [from, to)}
     */
    Vma slice(long from, long to);

    /** {@return this area as the public listing shows it} */
    Mapping toMapping();

    /**
     * Anonymous memory; its pages live in the address space's {@link PageStore}.
     *
     * @param start the first address
     * @param end the first address after the area
     */
    record Anonymous(long start, long end) implements Vma {
        @Override
        public Vma slice(long from, long to) {
            return new Anonymous(from, to);
        }

        @Override
        public Mapping toMapping() {
            return new Mapping(start, end - start, Mapping.Kind.ANONYMOUS);
        }
    }

    /**
     * A device region served by a driver's handler.
     *
     * @param start the first address
     * @param end the first address after the area
     * @param handler the driver's register accessors
     * @param regionOffset the region offset {@code start} corresponds to (non-zero after a split)
     */
    record Device(long start, long end, MmioHandler handler, long regionOffset) implements Vma {
        @Override
        public Vma slice(long from, long to) {
            return new Device(from, to, handler, regionOffset + (from - start));
        }

        @Override
        public Mapping toMapping() {
            return new Mapping(start, end - start, Mapping.Kind.DEVICE);
        }

        /**
         * {@return the region offset of an address inside this area}
         *
         * @param address an address in {@code [start, end)}
         */
        public long regionOffset(long address) {
            return regionOffset + (address - start);
        }
    }
}
