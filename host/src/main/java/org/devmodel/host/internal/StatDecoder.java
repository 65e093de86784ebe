package org.devmodel.host.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Optional;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Stat;

/** Decodes glibc's {@code struct stat} of x86_64 (144 bytes; other architectures lay it out differently). */
public final class StatDecoder {
    /** {@code sizeof(struct stat)} on x86_64. */
    public static final int SIZE = 144;
    private static final int S_IFMT = 0170000;

    private StatDecoder() {
    }

    /**
     * Decodes a filled buffer.
     *
     * @param buf what {@code stat} wrote
     * @return the status; the file system is reported as {@code host}, since {@code stat} does not name it
     * @throws KernelException EOVERFLOW for a FIFO or socket, types devmodel's {@link Stat} cannot hold
     */
    public static Stat decode(byte[] buf) throws KernelException {
        ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
        int mode = b.getInt(24);
        FileType type = type(mode);
        Optional<DevT> rdev = type.isDevice() ? Optional.of(DevT.fromUser(b.getLong(40))) : Optional.empty();
        Instant modified = Instant.ofEpochSecond(b.getLong(88), b.getLong(96));
        return new Stat("host", DevT.fromUser(b.getLong(0)), b.getLong(8), type, mode & 07777,
                (int) b.getLong(16), b.getInt(28), b.getInt(32), rdev, b.getLong(48), modified);
    }

    private static FileType type(int mode) throws KernelException {
        for (FileType type : FileType.values()) {
            if ((mode & S_IFMT) == type.bits()) {
                return type;
            }
        }
        throw new KernelException(Errno.EOVERFLOW, "stat: file type 0" + Integer.toOctalString(mode & S_IFMT)
                + " not modelled");
    }
}
