package org.devmodel.cli.run;

import java.util.List;
import java.util.Optional;
import org.devmodel.cli.script.FileOffset;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.core.mem.StructValue;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;

/**
 * Turns a region expression ({@code BAR0+0x4}) into a file offset the way a VFIO program does: it
 * asks the device fd with {@code VFIO_DEVICE_GET_REGION_INFO} and adds the region's offset. The
 * question is not traced: it is the runner's, not the script's.
 */
final class RegionResolver {
    /** vfio-pci's region indices: BAR0-5 are 0-5, then ROM, CONFIG and VGA (kernel-facts section 6). */
    private static final List<String> REGIONS = List.of("BAR0", "BAR1", "BAR2", "BAR3", "BAR4", "BAR5", "ROM",
            "CONFIG", "VGA");
    private static final String GET_REGION_INFO = "VFIO_DEVICE_GET_REGION_INFO";

    private final Session session;
    private final IoctlTable table;

    RegionResolver(Session session, IoctlTable table) {
        this.session = session;
        this.table = table;
    }

    /**
     * {@return the file offset an offset stands for on an fd}
     *
     * @param fd the device fd
     * @param offset a number or a region expression
     * @throws ScriptException when no module describes {@value #GET_REGION_INFO} or the device refuses it
     */
    long fileOffset(int fd, FileOffset offset) throws ScriptException {
        if (offset instanceof FileOffset.Absolute absolute) {
            return absolute.offset();
        }
        FileOffset.Region region = (FileOffset.Region) offset;
        Optional<IoctlDescription> ioctl = table.ioctl(GET_REGION_INFO).filter(d -> d.layout().isPresent());
        if (ioctl.isEmpty()) {
            throw new ScriptException(region.position(), region.region() + ": region expressions need "
                    + GET_REGION_INFO + ", which no module describes yet");
        }
        int index = REGIONS.indexOf(region.region());
        try {
            return regionOffset(fd, ioctl.get(), index) + region.delta();
        } catch (KernelException e) {
            throw new ScriptException(region.position(), "region " + region.region() + " (index " + index
                    + ") refused by fd " + fd + ": " + GET_REGION_INFO + " = " + Trace.failed(e.errno()));
        }
    }

    private long regionOffset(int fd, IoctlDescription ioctl, int index) throws KernelException {
        StructLayout layout = ioctl.layout().orElseThrow();
        StructValue info = StructValue.of(layout).set("argsz", layout.size()).set("index", index);
        long address = session.scratch().allocate(layout.size());
        session.process().memory().copyToUser(address, info.toBytes());
        session.process().syscalls().ioctl(fd, ioctl.number(), address);
        return StructValue.copyFromUser(session.process().memory(), address, layout).get("offset");
    }
}
