package org.devmodel.cli.run;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.devmodel.core.DevT;
import org.devmodel.core.fs.Stat;

/**
 * GNU coreutils {@code stat PATH} with its default format (coreutils 9), times in UTC. Birth is
 * {@code -}: a v3.14 kernel has no {@code statx}, so stat cannot know it.
 */
final class StatFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    /** st_blksize: one page. */
    private static final int IO_BLOCK = 4096;

    private StatFormat() {
    }

    /**
     * {@return the text {@code stat PATH} prints}
     *
     * @param path the path as given
     * @param stat its status
     */
    static String format(String path, Stat stat) {
        String time = TIME.format(stat.modified());
        return "  File: " + path + "\n"
                + String.format("  Size: %-10d\tBlocks: %-10d IO Block: %-6d %s\n", stat.size(), FileModes.blocks(stat),
                        IO_BLOCK, FileModes.typeName(stat))
                + device(stat)
                + String.format("Access: (%04o/%10.10s)  Uid: (%5d/%8s)   Gid: (%5d/%8s)\n", stat.permissions(),
                        FileModes.modeString(stat), stat.uid(), FileModes.owner(stat.uid()), stat.gid(),
                        FileModes.owner(stat.gid()))
                + "Access: " + time + "\n"
                + "Modify: " + time + "\n"
                + "Change: " + time + "\n"
                + " Birth: -\n";
    }

    private static String device(Stat stat) {
        DevT dev = stat.device();
        String common = String.format("Device: %d,%d\tInode: %-11d Links: ", dev.major(), dev.minor(), stat.inode());
        if (stat.rdev().isEmpty()) {
            return common + stat.links() + "\n";
        }
        DevT rdev = stat.rdev().get();
        return common + String.format("%-5d Device type: %d,%d\n", stat.links(), rdev.major(), rdev.minor());
    }
}
