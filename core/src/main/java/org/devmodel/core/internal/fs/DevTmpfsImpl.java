package org.devmodel.core.internal.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devmodel.core.DevT;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.DevTmpfs;
import org.devmodel.core.fs.FileType;

/** devtmpfs over the VFS tree below {@code /dev}, under the VFS lock. */
final class DevTmpfsImpl implements DevTmpfs {
    private final VfsImpl vfs;
    private final Node dev;

    DevTmpfsImpl(VfsImpl vfs, Node dev) {
        this.vfs = vfs;
        this.dev = dev;
    }

    @Override
    public boolean createNode(String name, FileType type, DevT devt, int mode, int uid, int gid) {
        Node node = create(name, type, devt, mode, Node.Origin.DEVTMPFS);
        if (node == null) {
            return false;
        }
        synchronized (vfs) {
            node.chown(uid, gid);
        }
        return true;
    }

    @Override
    public boolean createStaticNode(String name, FileType type, DevT devt) {
        return create(name, type, devt, 0600, Node.Origin.STATIC) != null;
    }

    /** {@code create_path} then {@code vfs_mknod}: parents get 0755 and the node's origin. */
    private Node create(String name, FileType type, DevT devt, int mode, Node.Origin origin) {
        if (!type.isDevice()) {
            throw new IllegalArgumentException("not a device type: " + type);
        }
        List<String> parts = VfsImpl.split(name);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty node name");
        }
        synchronized (vfs) {
            if (!creatable(parts)) {
                return null;
            }
            Node dir = dev;
            for (String part : parts.subList(0, parts.size() - 1)) {
                dir = vfs.directoryAt(dir, part, origin);
            }
            String leaf = parts.get(parts.size() - 1);
            if (dir.children().containsKey(leaf)) {
                return null;
            }
            return vfs.addLeaf(dir, leaf, type, mode & 07777, origin, Optional.of(devt), null);
        }
    }

    /** Whether every existing component on the way is a directory, so no directory is made in vain. */
    private boolean creatable(List<String> parts) {
        Node dir = dev;
        for (String part : parts.subList(0, parts.size() - 1)) {
            dir = dir.children().get(part);
            if (dir == null) {
                return true;
            }
            if (dir.type() != FileType.DIRECTORY) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean deleteNode(String name, FileType type, DevT devt) {
        synchronized (vfs) {
            Node node = find(name);
            if (node == null || node.origin() != Node.Origin.DEVTMPFS || node.type() != type
                    || !node.rdev().equals(Optional.of(devt))) {
                return false;
            }
            node.chmod(0);
            node.chown(0, 0);
            vfs.removeWithEmptyParents(node, Node.Origin.DEVTMPFS);
            return true;
        }
    }

    @Override
    public boolean chmod(String name, int mode) {
        synchronized (vfs) {
            Node node = find(name);
            if (node == null) {
                return false;
            }
            node.chmod(mode);
            return true;
        }
    }

    private Node find(String name) {
        try {
            return vfs.resolve(dev, name);
        } catch (KernelException e) {
            return null;
        }
    }

    @Override
    public List<String> kernelNodes() {
        return nodes(Node.Origin.DEVTMPFS);
    }

    @Override
    public List<String> staticNodes() {
        return nodes(Node.Origin.STATIC);
    }

    private List<String> nodes(Node.Origin origin) {
        List<String> out = new ArrayList<>();
        synchronized (vfs) {
            collect(dev, "", origin, out);
        }
        return out;
    }

    /** Depth-first in name order, so the listing is sorted by path. */
    private static void collect(Node dir, String prefix, Node.Origin origin, List<String> out) {
        for (Map.Entry<String, Node> e : dir.children().entrySet()) {
            Node n = e.getValue();
            String path = prefix + e.getKey();
            if (n.type() == FileType.DIRECTORY) {
                collect(n, path + "/", origin, out);
            } else if (n.origin() == origin && n.rdev().isPresent()) {
                out.add(String.format("%c %s %04o %d:%d %s", n.type().letter(), n.rdev().get(), n.permissions(),
                        n.uid(), n.gid(), path));
            }
        }
    }
}
