package org.devmodel.core.internal.fs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.DevTmpfs;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.internal.DriverGate;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.fs.Vfs;

/** The path namespace: one tree of nodes under one lock, with devtmpfs, proc and sysfs mounted in it. */
public final class VfsImpl implements Vfs {
    private final Instant bootTime;
    private final Node root;
    private final DevTmpfsImpl devtmpfs;
    private final DriverGate gate;
    private final CharDeviceOpener chrdev;
    private final AnonInode anonInode;
    private final Set<OpenFileImpl> openFiles = ConcurrentHashMap.newKeySet();

    /**
     * Builds the tree every kernel boots with.
     *
     * @param bootTime the time stamped on nodes
     * @param release {@code uname -r}, naming {@code /lib/modules/<release>}
     * @param gate calls into drivers
     * @param chrdev finds the operations of char device nodes
     */
    public VfsImpl(Instant bootTime, String release, DriverGate gate, CharDeviceOpener chrdev) {
        this.bootTime = bootTime;
        this.gate = gate;
        this.chrdev = chrdev;
        this.anonInode = new AnonInode(bootTime);
        MountedFs rootfs = new MountedFs("rootfs", DevT.of(0, 1));
        this.root = new Node(rootfs, null, "", FileType.DIRECTORY, 0755, Node.Origin.BOOT, Optional.empty(), null,
                bootTime);
        Node dev = mount(new MountedFs("devtmpfs", DevT.of(0, 5)), "dev");
        mount(new MountedFs("proc", DevT.of(0, 3)), "proc");
        mount(new MountedFs("sysfs", DevT.of(0, 14)), "sys");
        synchronized (this) {
            Node modules = directoryAt(directoryAt(root, "lib", Node.Origin.BOOT), "modules", Node.Origin.BOOT);
            directoryAt(modules, release, Node.Origin.BOOT);
        }
        this.devtmpfs = new DevTmpfsImpl(this, dev);
    }

    private synchronized Node mount(MountedFs fs, String name) {
        Node mountRoot = new Node(fs, root, name, FileType.DIRECTORY, 0755, Node.Origin.BOOT, Optional.empty(), null,
                bootTime);
        root.children().put(name, mountRoot);
        return mountRoot;
    }

    /** Returns the child directory of that name, creating it (0755) if absent; caller holds the lock. */
    Node directoryAt(Node dir, String name, Node.Origin origin) {
        Node child = dir.children().get(name);
        if (child == null) {
            child = new Node(dir.fs(), dir, name, FileType.DIRECTORY, 0755, origin, Optional.empty(), null, bootTime);
            dir.children().put(name, child);
        }
        return child;
    }

    /** Adds a leaf node; caller holds the lock and has checked the name is free. */
    Node addLeaf(Node dir, String name, FileType type, int mode, Node.Origin origin, Optional<DevT> rdev,
                 Supplier<String> contents) {
        Node leaf = new Node(dir.fs(), dir, name, type, mode, origin, rdev, contents, bootTime);
        dir.children().put(name, leaf);
        return leaf;
    }

    /** Walks a path from a directory; caller holds the lock. */
    Node resolve(Node from, String relative) throws KernelException {
        return walk(from, relative, null);
    }

    /**
     * Walks a path from a directory, checking search permission on each directory walked through
     * when {@code searcher} is given; caller holds the lock.
     */
    private static Node walk(Node from, String path, Credentials searcher) throws KernelException {
        Node node = from;
        for (String part : split(path)) {
            if (node.type() != FileType.DIRECTORY) {
                throw new KernelException(Errno.ENOTDIR, path + ": " + Errno.ENOTDIR.message());
            }
            if (searcher != null) {
                Permissions.check(node, Permissions.MAY_EXEC, searcher, path);
            }
            node = node.children().get(part);
            if (node == null) {
                throw new KernelException(Errno.ENOENT, path + ": " + Errno.ENOENT.message());
            }
        }
        return node;
    }

    /**
     * Resolves an absolute path.
     *
     * @param path the path
     * @return the node
     * @throws KernelException ENOENT, ENOTDIR, or EINVAL for a relative path
     */
    public synchronized Node resolve(String path) throws KernelException {
        if (!path.startsWith("/")) {
            throw new KernelException(Errno.EINVAL, path + ": not an absolute path");
        }
        return resolve(root, path);
    }

    /**
     * {@return the non-empty components of a path}
     *
     * @param path a path
     */
    static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts;
    }

    @Override
    public Stat stat(String path) throws KernelException {
        return resolve(path).stat();
    }

    @Override
    public boolean exists(String path) {
        return lookup(path).isPresent();
    }

    @Override
    public Optional<Inode> lookup(String path) {
        try {
            return Optional.of(resolve(path));
        } catch (KernelException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized List<String> list(String path) throws KernelException {
        Node dir = resolve(path);
        if (dir.type() != FileType.DIRECTORY) {
            throw new KernelException(Errno.ENOTDIR, path + ": " + Errno.ENOTDIR.message());
        }
        return List.copyOf(dir.children().keySet());
    }

    @Override
    public String readText(String path) throws KernelException {
        Node node = resolve(path);
        return textOf(node, path);
    }

    /**
     * {@return the text of a text file}
     *
     * @param node the node
     * @param path its path, for messages
     * @throws KernelException EISDIR for a directory, EINVAL for anything else without text
     */
    static String textOf(Node node, String path) throws KernelException {
        if (node.type() == FileType.DIRECTORY) {
            throw new KernelException(Errno.EISDIR, path + ": " + Errno.EISDIR.message());
        }
        if (node.contents() == null) {
            throw new KernelException(Errno.EINVAL, path + ": not a text file");
        }
        return node.contents().get();
    }

    @Override
    public synchronized void publish(String path, Supplier<String> contents) {
        List<String> parts = publishable(path, "file");
        Node dir = publishedDirectory(path, parts.subList(0, parts.size() - 1));
        String name = parts.get(parts.size() - 1);
        if (dir.children().containsKey(name)) {
            throw new IllegalStateException(path + ": already exists");
        }
        addLeaf(dir, name, FileType.REGULAR, 0444, Node.Origin.PUBLISHED, Optional.empty(), contents);
    }

    @Override
    public synchronized void publishDirectory(String path) {
        publishedDirectory(path, publishable(path, "directory")).keep();
    }

    /** {@return the components of a path a subsystem may publish at: not the root, not under /dev} */
    private static List<String> publishable(String path, String what) {
        List<String> parts = split(path);
        if (parts.isEmpty() || parts.get(0).equals("dev")) {
            throw new IllegalArgumentException("cannot publish a " + what + " at " + path);
        }
        return parts;
    }

    /** Walks {@code parts} from the root, creating missing directories as published; caller holds the lock. */
    private Node publishedDirectory(String path, List<String> parts) {
        Node dir = root;
        for (String part : parts) {
            dir = directoryAt(dir, part, Node.Origin.PUBLISHED);
            if (dir.type() != FileType.DIRECTORY) {
                throw new IllegalStateException(path + ": " + dir.path() + " is not a directory");
            }
        }
        return dir;
    }

    @Override
    public synchronized void unpublish(String path) {
        Node node;
        try {
            node = resolve(path);
        } catch (KernelException e) {
            return;
        }
        if (node.origin() != Node.Origin.PUBLISHED || !node.children().isEmpty()) {
            return;
        }
        removeWithEmptyParents(node, Node.Origin.PUBLISHED);
    }

    /**
     * Unlinks a node, then every parent of the given origin left empty, deepest first, stopping at
     * a directory published in its own right (a class's {@code /sys/class/<name>} outlives its last
     * device); caller holds the lock.
     */
    void removeWithEmptyParents(Node node, Node.Origin parentOrigin) {
        Node dir = node.parent();
        dir.children().remove(node.name());
        while (dir.parent() != null && dir.origin() == parentOrigin && !dir.kept() && dir.children().isEmpty()) {
            dir.parent().children().remove(dir.name());
            dir = dir.parent();
        }
    }

    /**
     * The VFS half of {@code open(2)}: path walk with search permission, the permission check of
     * the inode against the caller's credentials, then the file's operations and their {@code open}.
     *
     * @param path an absolute path
     * @param flags the open flags
     * @param task the caller
     * @return the new file, holding one reference
     * @throws KernelException ENOENT, ENOTDIR, EACCES, EISDIR, ENXIO, or the driver's errno
     */
    public OpenFileImpl open(String path, int flags, Task task) throws KernelException {
        Node node = resolveAs(path, task.credentials());
        Permissions.check(node, Permissions.mask(flags), task.credentials(), path);
        FileOperations ops = switch (node.type()) {
            case DIRECTORY -> directoryOperations(flags, path);
            case REGULAR -> new TextFileOperations(textOf(node, path));
            case CHAR_DEVICE -> chrdev.lookupAndPin(node.rdev().orElseThrow());
            default -> throw new KernelException(Errno.ENXIO, path + ": " + Errno.ENXIO.message());
        };
        OpenFileImpl file = new OpenFileImpl(node, path, flags, ops, gate, openFiles);
        try {
            gate.call(ops, "open", () -> {
                ops.open(node, file, task);
                return null;
            });
        } catch (KernelException e) {
            file.abort();
            throw e;
        }
        return file;
    }

    private static FileOperations directoryOperations(int flags, String path) throws KernelException {
        if (OpenFlags.writable(flags)) {
            throw new KernelException(Errno.EISDIR, path + ": " + Errno.EISDIR.message());
        }
        return new DirectoryOperations();
    }

    /** Resolves a path checking search permission on each directory walked through. */
    private synchronized Node resolveAs(String path, Credentials credentials) throws KernelException {
        if (!path.startsWith("/")) {
            throw new KernelException(Errno.ENOENT, path + ": " + Errno.ENOENT.message());
        }
        return walk(root, path, credentials);
    }

    @Override
    public OpenFile openAnonymous(String name, FileOperations operations, Object privateData, int flags)
            throws KernelException {
        if (!gate.glue().tryGet(operations)) {
            throw new KernelException(Errno.ENOENT, name + ": owning module is going away");
        }
        OpenFileImpl file = new OpenFileImpl(anonInode, "anon_inode:" + name, flags, operations, gate,
                openFiles);
        file.setPrivateData(privateData);
        return file;
    }

    /**
     * {@return the stat of a path as a process sees it, with search permission checked}
     *
     * @param path an absolute path
     * @param credentials the caller's credentials
     * @throws KernelException ENOENT, ENOTDIR, EACCES
     */
    public Stat statAs(String path, Credentials credentials) throws KernelException {
        return resolveAs(path, credentials).stat();
    }

    /**
     * {@return every file some reference keeps open (an fd, a mapping, a driver's {@code fdget}), as
     * {@code "path (refs N)"} lines sorted by path, for snapshots}
     */
    public List<String> openFileEntries() {
        return openFiles.stream().map(f -> f.path() + " (refs " + f.references() + ")").sorted().toList();
    }

    @Override
    public DevTmpfs devtmpfs() {
        return devtmpfs;
    }
}
