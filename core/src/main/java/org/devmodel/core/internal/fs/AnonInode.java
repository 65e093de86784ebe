package org.devmodel.core.internal.fs;

import java.time.Instant;
import java.util.Optional;
import org.devmodel.core.DevT;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.Stat;

/** The one inode of {@code anon_inodefs} that every anonymous file shares, as in Linux. */
final class AnonInode implements Inode {
    private final Instant bootTime;

    AnonInode(Instant bootTime) {
        this.bootTime = bootTime;
    }

    @Override
    public FileType type() {
        return FileType.REGULAR;
    }

    @Override
    public Optional<DevT> rdev() {
        return Optional.empty();
    }

    @Override
    public Stat stat() {
        return new Stat("anon_inodefs", DevT.of(0, 9), 1, FileType.REGULAR, 0600, 1, 0, 0, Optional.empty(), 0,
                bootTime);
    }
}
