package org.devmodel.core.internal.fs;

import org.devmodel.core.DevT;

/** A mounted file system: its name, its anonymous device number and its inode counter. */
final class MountedFs {
    private final String name;
    private final DevT device;
    private long lastInode;

    MountedFs(String name, DevT device) {
        this.name = name;
        this.device = device;
    }

    String name() {
        return name;
    }

    DevT device() {
        return device;
    }

    /** Inode numbers count from 1 in creation order, so {@code stat} output is reproducible. */
    long nextInode() {
        return ++lastInode;
    }
}
