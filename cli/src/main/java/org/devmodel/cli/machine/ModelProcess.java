package org.devmodel.cli.machine;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.FileRef;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;

/**
 * A process of a model kernel. Its fd numbers are the kernel's own. Drivers answer EAGAIN where a
 * real read would sleep; on a blocking fd the read is retried after the virtual clock advances to
 * the next device timer, so the outcome never depends on timing.
 */
final class ModelProcess implements ScriptProcess {
    private final Kernel kernel;
    private final Task task;
    private final DeviceFiles deviceFiles;

    ModelProcess(Kernel kernel, Task task) {
        this.kernel = kernel;
        this.task = task;
        this.deviceFiles = new DeviceFiles(kernel, task);
    }

    @Override
    public Syscalls syscalls() {
        return task.syscalls();
    }

    @Override
    public UserMemory memory() {
        return task.memory();
    }

    @Override
    public void mapFixed(long address, long length) throws KernelException {
        task.memory().mmapFixed(address, length);
    }

    @Override
    public int kernelFd(int fd) {
        return fd;
    }

    @Override
    public int scriptFd(int kernelFd) {
        return kernelFd;
    }

    @Override
    public ScriptProcess sibling() {
        return new ModelProcess(kernel, kernel.spawn(task.credentials()));
    }

    @Override
    public Optional<String> holderOf(String device) {
        return deviceFiles.holder(device);
    }

    /** A write that would block answers EAGAIN: only reads wait for a device. */
    @Override
    public long blocking(int fd, Direction direction, BlockingCall call) throws KernelException, CannotRunException {
        while (true) {
            try {
                return call.run();
            } catch (KernelException e) {
                if (direction != Direction.READ || e.errno() != Errno.EAGAIN || !blocks(fd)) {
                    throw e;
                }
                if (!kernel.clock().runNextTimer()) {
                    throw new CannotRunException("the call would block forever: no device timer is pending");
                }
            }
        }
    }

    private boolean blocks(int fd) {
        try (FileRef ref = task.fdget(fd)) {
            return (ref.file().flags() & OpenFlags.O_NONBLOCK) == 0;
        } catch (KernelException e) {
            return false;
        }
    }

    @Override
    public void setCredentials(int uid, OptionalInt gid) {
        task.setCredentials(new Credentials(uid, gid.orElse(task.credentials().gid())));
    }

    @Override
    public void setMemlockLimit(long bytes) {
        task.setMemlockLimit(bytes);
    }

    @Override
    public void sleep(Duration duration) {
        kernel.clock().advance(duration);
    }

    @Override
    public void close() {
        kernel.exit(task);
    }
}
