package org.devmodel.core.internal.fs;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.devmodel.core.DevT;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.Stat;

/** An inode and its directory entry: the VFS keeps one tree, each node knowing its file system. */
final class Node implements Inode {
    /** Who made a node, which decides who may remove it. */
    enum Origin {
        /** Made by devtmpfs for a device: removed by devtmpfs. */
        DEVTMPFS,
        /** Made by userspace at boot (static nodes): never removed by the kernel. */
        STATIC,
        /** Made by a subsystem publishing files: removed with the last file published below it. */
        PUBLISHED,
        /** Part of the tree every kernel boots with: never removed. */
        BOOT
    }

    private final MountedFs fs;
    private final long ino;
    private final FileType type;
    private final Node parent;
    private final String name;
    private final Origin origin;
    private final Optional<DevT> rdev;
    private final Supplier<String> contents;
    private final Map<String, Node> children;
    private final Instant created;
    private int permissions;
    /** Set on a directory published in its own right: it outlives the files published below it. */
    private boolean kept;
    private int uid;
    private int gid;

    Node(MountedFs fs, Node parent, String name, FileType type, int permissions, Origin origin, Optional<DevT> rdev,
         Supplier<String> contents, Instant created) {
        this.fs = fs;
        this.ino = fs.nextInode();
        this.parent = parent;
        this.name = name;
        this.type = type;
        this.permissions = permissions;
        this.origin = origin;
        this.rdev = rdev;
        this.contents = contents;
        this.children = type == FileType.DIRECTORY ? new TreeMap<>() : Map.of();
        this.created = created;
    }

    MountedFs fs() {
        return fs;
    }

    Node parent() {
        return parent;
    }

    String name() {
        return name;
    }

    Origin origin() {
        return origin;
    }

    Map<String, Node> children() {
        return children;
    }

    Supplier<String> contents() {
        return contents;
    }

    /** Marks a directory as published in its own right, so removing its last entry keeps it. */
    synchronized void keep() {
        kept = true;
    }

    /** {@return whether the directory was published in its own right} */
    synchronized boolean kept() {
        return kept;
    }

    synchronized int permissions() {
        return permissions;
    }

    synchronized int uid() {
        return uid;
    }

    synchronized int gid() {
        return gid;
    }

    synchronized void chmod(int mode) {
        this.permissions = mode & 07777;
    }

    synchronized void chown(int uid, int gid) {
        this.uid = uid;
        this.gid = gid;
    }

    /** {@return the absolute path of this node} */
    String path() {
        if (parent == null) {
            return "/";
        }
        String up = parent.path();
        return (up.equals("/") ? "" : up) + "/" + name;
    }

    @Override
    public FileType type() {
        return type;
    }

    @Override
    public Optional<DevT> rdev() {
        return rdev;
    }

    @Override
    public synchronized Stat stat() {
        return new Stat(fs.name(), fs.device(), ino, type, permissions, links(), uid, gid, rdev, size(), created);
    }

    private int links() {
        if (type != FileType.DIRECTORY) {
            return 1;
        }
        return 2 + (int) children.values().stream().filter(c -> c.type == FileType.DIRECTORY).count();
    }

    /** Sizes follow the file systems: proc files report 0, sysfs attributes a page, others their text. */
    private long size() {
        if (type == FileType.DIRECTORY) {
            return fs.name().equals("sysfs") || fs.name().equals("proc") ? 0 : 40L + 20L * children.size();
        }
        if (contents == null || fs.name().equals("proc")) {
            return 0;
        }
        if (fs.name().equals("sysfs")) {
            return 4096;
        }
        return contents.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
