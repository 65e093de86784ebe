package org.devmodel.cli.run;

import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Stat;

/** What GNU {@code ls -l} and {@code stat} derive from a {@link Stat}: mode strings, owners, blocks, type names. */
final class FileModes {
    private FileModes() {
    }

    /**
     * {@return the ten-character mode string, e.g. {@code crw-------}}
     *
     * @param stat the status
     */
    static String modeString(Stat stat) {
        int p = stat.permissions();
        return "" + stat.type().letter()
                + rwx(p >> 6, (p & 04000) != 0, 's')
                + rwx(p >> 3, (p & 02000) != 0, 's')
                + rwx(p, (p & 01000) != 0, 't');
    }

    private static String rwx(int bits, boolean special, char specialLetter) {
        char execute = (bits & 1) != 0 ? (special ? specialLetter : 'x')
                : (special ? Character.toUpperCase(specialLetter) : '-');
        return "" + ((bits & 4) != 0 ? 'r' : '-') + ((bits & 2) != 0 ? 'w' : '-') + execute;
    }

    /**
     * {@return a user or group name: root for 0, the number otherwise (the model has no passwd file)}
     *
     * @param id the id
     */
    static String owner(int id) {
        return id == 0 ? "root" : Integer.toString(id);
    }

    /**
     * {@return {@code st_blocks} in 512-byte units}: text files of the root file system take whole
     * pages, as on tmpfs; directories, device nodes, proc and sysfs files take none
     *
     * @param stat the status
     */
    static long blocks(Stat stat) {
        boolean pseudo = stat.fileSystem().equals("proc") || stat.fileSystem().equals("sysfs");
        if (stat.type() != FileType.REGULAR || pseudo || stat.size() == 0) {
            return 0;
        }
        return (stat.size() + 4095) / 4096 * 8;
    }

    /**
     * {@return GNU stat's {@code %F}: "character special file", "regular empty file", ...}
     *
     * @param stat the status
     */
    static String typeName(Stat stat) {
        return switch (stat.type()) {
            case REGULAR -> stat.size() == 0 ? "regular empty file" : "regular file";
            case DIRECTORY -> "directory";
            case CHAR_DEVICE -> "character special file";
            case BLOCK_DEVICE -> "block special file";
            case SYMLINK -> "symbolic link";
        };
    }
}
