package org.devmodel.vfio.pci;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.pci.PciBar;
import org.devmodel.pci.PciFunction;

/**
 * {@code vfio_pci_rdwr.c} of v3.14: pread and pwrite of a BAR region. Each piece goes to the
 * device as one access of 4, 2 or 1 bytes, the widest its alignment and the bytes left allow, so a
 * 4-byte read at a dword-aligned offset is one 32-bit register read ({@code do_io_rw}).
 */
final class VfioPciRdwr {
    private VfioPciRdwr() {
    }

    /**
     * {@code vfio_pci_bar_rw}: accesses are clipped at the BAR's end.
     *
     * @return the bytes transferred; the position advances by as many
     * @throws KernelException EINVAL for a BAR the function lacks or an offset past its end,
     *     EFAULT for a bad buffer
     */
    static long barRw(PciFunction pdev, AddressSpace memory, long buf, long count, FilePosition position,
            boolean iswrite) throws KernelException {
        int index = (int) VfioPci.offsetToIndex(position.get());
        long pos = position.get() & VfioPci.VFIO_PCI_OFFSET_MASK;
        PciBar bar = pdev.bar(index).orElseThrow(() -> new KernelException(Errno.EINVAL));
        if (pos >= bar.size()) {
            throw new KernelException(Errno.EINVAL);
        }
        long end = Math.min(count, bar.size() - pos);
        long done = 0;
        while (done < end) {
            long off = pos + done;
            int size = accessSize(off, end - done);
            if (iswrite) {
                bar.write(off, size, memory.load(buf + done, size));
            } else {
                memory.store(buf + done, size, bar.read(off, size));
            }
            done += size;
        }
        position.advance(done);
        return done;
    }

    /**
     * {@return the width of the next piece of a region access: 4, 2 or 1 bytes, the widest the
     * offset's alignment and the bytes left allow}
     *
     * @param pos the offset in the region
     * @param left the bytes still to transfer, at least 1
     */
    static int accessSize(long pos, long left) {
        return left >= 4 && pos % 4 == 0 ? 4 : left >= 2 && pos % 2 == 0 ? 2 : 1;
    }
}
