package org.devmodel.pci.internal;

import org.devmodel.pci.ConfigSpace;
import org.devmodel.pci.PciBar;
import org.devmodel.pci.emul.EmulatedBar;

/** A BAR as the bus decodes it: accesses reach the model only while memory decoding is on. */
final class BarImpl implements PciBar {
    private final EmulatedBar bar;
    private final ConfigSpace config;

    BarImpl(EmulatedBar bar, ConfigSpace config) {
        this.bar = bar;
        this.config = config;
    }

    @Override
    public int index() {
        return bar.index();
    }

    @Override
    public long size() {
        return bar.size();
    }

    @Override
    public long read(long offset, int size) {
        check(offset, size);
        if (!config.memoryEnabled()) {
            return mask(size);
        }
        return bar.registers().read(offset, size) & mask(size);
    }

    @Override
    public void write(long offset, int size, long value) {
        check(offset, size);
        if (config.memoryEnabled()) {
            bar.registers().write(offset, size, value & mask(size));
        }
    }

    private void check(long offset, int size) {
        if (size != 1 && size != 2 && size != 4 && size != 8 || offset < 0 || offset + size > bar.size()) {
            throw new IllegalArgumentException("BAR" + bar.index() + ": bad access of " + size + " bytes at " + offset);
        }
    }

    private static long mask(int size) {
        return size == 8 ? -1L : (1L << (8 * size)) - 1;
    }
}
