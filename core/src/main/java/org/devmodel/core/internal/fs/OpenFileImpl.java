package org.devmodel.core.internal.fs;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.internal.DriverGate;

/**
 * {@code struct file} with its reference count. The file holds one module reference for its current
 * operations; the last {@link #put()} calls {@code release} and drops it.
 */
public final class OpenFileImpl implements OpenFile {
    private final Inode inode;
    private final String path;
    private final int flags;
    private final DriverGate gate;
    private final FilePosition position = new FilePosition(0);
    private final AtomicInteger references = new AtomicInteger(1);
    private final Set<OpenFileImpl> live;
    private volatile FileOperations operations;
    private volatile Object privateData;

    /**
     * Creates a file holding one reference; the caller has pinned the operations' module.
     *
     * @param inode the inode
     * @param path the path opened, or the anonymous name
     * @param flags the open flags
     * @param operations what serves it
     * @param gate calls into the driver and drops module references
     * @param live the kernel's set of live files: the file is in it until its last reference goes
     */
    OpenFileImpl(Inode inode, String path, int flags, FileOperations operations, DriverGate gate,
                 Set<OpenFileImpl> live) {
        this.inode = Objects.requireNonNull(inode, "inode");
        this.path = Objects.requireNonNull(path, "path");
        this.flags = flags;
        this.operations = Objects.requireNonNull(operations, "operations");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.live = live;
        live.add(this);
    }

    /** {@code get_file}: one more reference. */
    public void get() {
        if (references.getAndIncrement() <= 0) {
            throw new IllegalStateException("get on a released file: " + path);
        }
    }

    /**
     * {@code get_file_rcu}: one more reference, unless the last one is already gone (a racing
     * {@code close} is releasing the file).
     *
     * @return whether a reference was taken
     */
    public boolean tryGet() {
        int held;
        do {
            held = references.get();
            if (held <= 0) {
                return false;
            }
        } while (!references.compareAndSet(held, held + 1));
        return true;
    }

    /** {@code fput}: the last reference calls the driver's {@code release} and unpins its module. */
    public void put() {
        int left = references.decrementAndGet();
        if (left < 0) {
            throw new IllegalStateException("put on a released file: " + path);
        }
        if (left == 0) {
            FileOperations ops = operations;
            gate.callVoid(ops, "release", () -> ops.release(inode, this));
            gate.glue().put(ops);
            live.remove(this);
        }
    }

    /**
     * Tears down a file whose {@code open} failed: the driver's {@code release} is not called, only
     * the module reference of its current operations is dropped, as {@code do_dentry_open} does.
     */
    public void abort() {
        if (references.decrementAndGet() != 0) {
            throw new IllegalStateException("abort of a shared file: " + path);
        }
        gate.glue().put(operations);
        live.remove(this);
    }

    /** {@return how many references are held, for snapshots} */
    public int references() {
        return references.get();
    }

    @Override
    public Inode inode() {
        return inode;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public FileOperations operations() {
        return operations;
    }

    @Override
    public void replaceOperations(FileOperations newOperations) {
        Objects.requireNonNull(newOperations, "operations");
        FileOperations old = operations;
        operations = newOperations;
        gate.glue().put(old);
    }

    @Override
    public Optional<Object> privateData() {
        return Optional.ofNullable(privateData);
    }

    @Override
    public void setPrivateData(Object data) {
        privateData = data;
    }

    @Override
    public int flags() {
        return flags;
    }

    @Override
    public FilePosition position() {
        return position;
    }

    @Override
    public String toString() {
        return path;
    }
}
