package org.devmodel.cli.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.devmodel.cli.machine.FileTree;
import org.devmodel.core.DevT;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Stat;

/**
 * GNU {@code ls} writing to a pipe: one name per line, or with {@code -l} a {@code total} line and
 * one long line per entry, columns padded as GNU ls pads them. Times are shown in UTC.
 */
final class Listing {
    /** GNU ls shows the year instead of the time for files older than about six months. */
    private static final Duration SIX_MONTHS = Duration.ofSeconds(31_556_952L / 2);
    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM ppd  yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final FileTree files;
    private final Instant now;

    /**
     * @param files the files
     * @param now the machine's wall time, which decides recent or old
     */
    Listing(FileTree files, Instant now) {
        this.files = files;
        this.now = now;
    }

    /**
     * {@return {@code ls PATH}: the directory's names, or the path of a file}
     *
     * @param path the path
     * @throws KernelException ENOENT and friends
     */
    String names(String path) throws KernelException {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries(path, files.stat(path))) {
            text.append(entry.name()).append('\n');
        }
        return text.toString();
    }

    /**
     * {@return {@code ls -l PATH}}
     *
     * @param path the path
     * @throws KernelException ENOENT and friends
     */
    String longListing(String path) throws KernelException {
        Stat stat = files.stat(path);
        List<Entry> entries = entries(path, stat);
        Widths widths = Widths.of(entries);
        StringBuilder text = new StringBuilder();
        if (stat.type() == FileType.DIRECTORY) {
            long blocks = entries.stream().mapToLong(e -> FileModes.blocks(e.stat())).sum();
            text.append("total ").append((blocks + 1) / 2).append('\n');
        }
        for (Entry entry : entries) {
            Stat s = entry.stat();
            text.append(FileModes.modeString(s)).append(' ')
                    .append(pad(Integer.toString(s.links()), widths.links(), true)).append(' ')
                    .append(pad(FileModes.owner(s.uid()), widths.owner(), false)).append(' ')
                    .append(pad(FileModes.owner(s.gid()), widths.group(), false)).append(' ')
                    .append(size(s, widths)).append(' ')
                    .append(date(s.modified())).append(' ')
                    .append(entry.name()).append('\n');
        }
        return text.toString();
    }

    /** {@return the directory's entries, or the file itself} */
    private List<Entry> entries(String path, Stat stat) throws KernelException {
        if (stat.type() != FileType.DIRECTORY) {
            return List.of(new Entry(path, stat));
        }
        List<Entry> entries = new ArrayList<>();
        String prefix = path.endsWith("/") ? path : path + "/";
        for (String name : files.list(path)) {
            entries.add(new Entry(name, files.stat(prefix + name)));
        }
        return entries;
    }

    /** A device shows {@code MAJOR, MINOR} where a file shows its size, right-aligned in one column. */
    private static String size(Stat stat, Widths widths) {
        if (stat.rdev().isEmpty()) {
            return pad(Long.toString(stat.size()), widths.size(), true);
        }
        DevT dev = stat.rdev().get();
        int majorWidth = widths.size() - widths.minor() - 2;
        return pad(Integer.toString(dev.major()), majorWidth, true) + ", "
                + pad(Integer.toString(dev.minor()), widths.minor(), true);
    }

    private String date(Instant modified) {
        boolean recent = !modified.isAfter(now) && modified.isAfter(now.minus(SIX_MONTHS));
        return (recent ? RECENT : OLD).format(modified);
    }

    private static String pad(String text, int width, boolean right) {
        String blanks = " ".repeat(Math.max(0, width - text.length()));
        return right ? blanks + text : text + blanks;
    }

    private record Entry(String name, Stat stat) {
    }

    /** Column widths over all entries, as GNU ls computes them before printing. */
    private record Widths(int links, int owner, int group, int size, int minor) {
        static Widths of(List<Entry> entries) {
            int links = 0;
            int owner = 0;
            int group = 0;
            int size = 0;
            int major = 0;
            int minor = 0;
            for (Entry entry : entries) {
                Stat s = entry.stat();
                links = Math.max(links, Integer.toString(s.links()).length());
                owner = Math.max(owner, FileModes.owner(s.uid()).length());
                group = Math.max(group, FileModes.owner(s.gid()).length());
                if (s.rdev().isPresent()) {
                    major = Math.max(major, Integer.toString(s.rdev().get().major()).length());
                    minor = Math.max(minor, Integer.toString(s.rdev().get().minor()).length());
                } else {
                    size = Math.max(size, Long.toString(s.size()).length());
                }
            }
            int deviceWidth = major == 0 ? 0 : major + 2 + minor;
            return new Widths(links, owner, group, Math.max(size, deviceWidth), minor);
        }
    }
}
