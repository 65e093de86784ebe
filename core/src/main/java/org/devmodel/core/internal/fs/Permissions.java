package org.devmodel.core.internal.fs;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Capability;
import org.devmodel.core.proc.Credentials;

/** {@code generic_permission}: the owner, group or other bits of an inode against credentials. */
final class Permissions {
    static final int MAY_EXEC = 1;
    static final int MAY_WRITE = 2;
    static final int MAY_READ = 4;

    private Permissions() {
    }

    /**
     * {@return what an open with these flags needs}
     *
     * @param flags open flags
     */
    static int mask(int flags) {
        int mask = 0;
        if (OpenFlags.readable(flags)) {
            mask |= MAY_READ;
        }
        if (OpenFlags.writable(flags)) {
            mask |= MAY_WRITE;
        }
        return mask;
    }

    /**
     * Checks access, as {@code generic_permission} does: the owner's bits for the owner, else the
     * group's for the group, else the others'; {@code CAP_DAC_OVERRIDE} grants reading and writing,
     * and searching directories.
     */
    static void check(Node node, int mask, Credentials who, String path) throws KernelException {
        int mode = node.permissions();
        int granted;
        if (who.uid() == node.uid()) {
            granted = (mode >> 6) & 7;
        } else if (who.gid() == node.gid()) {
            granted = (mode >> 3) & 7;
        } else {
            granted = mode & 7;
        }
        if ((mask & ~granted) == 0) {
            return;
        }
        boolean overrides = who.capable(Capability.CAP_DAC_OVERRIDE)
                && ((mask & MAY_EXEC) == 0 || node.type() == FileType.DIRECTORY);
        if (!overrides) {
            throw new KernelException(Errno.EACCES, path + ": " + Errno.EACCES.message());
        }
    }
}
