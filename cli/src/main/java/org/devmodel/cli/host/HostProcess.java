package org.devmodel.cli.host;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.devmodel.cli.machine.CannotRunException;
import org.devmodel.cli.machine.ScriptProcess;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.host.HostSyscalls;
import org.devmodel.host.Rlimit;

/**
 * The script's process on the host: the JVM's own process, with the script's fds renumbered
 * ({@link ScriptFds}). A call that would block waits at most a bounded time, then stops the script.
 * Which VFIO device an fd or mapping holds is what {@code /proc/self/fdinfo} says ({@link VfioDeviceFds}).
 */
final class HostProcess implements ScriptProcess {
    private final HostSyscalls host;
    private final ScriptFds fds;
    private final ScriptSyscalls syscalls;
    private final Duration waitLimit;
    private long fixedAddress;
    private long fixedLength;

    HostProcess(HostSyscalls host, boolean kernelNumbers, Duration waitLimit) {
        this.host = host;
        this.fds = new ScriptFds(kernelNumbers);
        this.syscalls = new ScriptSyscalls(host, fds);
        this.waitLimit = waitLimit;
    }

    @Override
    public Syscalls syscalls() {
        return syscalls;
    }

    @Override
    public UserMemory memory() {
        return host.memory();
    }

    @Override
    public void mapFixed(long address, long length) throws KernelException {
        host.memory().mmapFixed(address, length);
        fixedAddress = address;
        fixedLength = length;
    }

    @Override
    public int kernelFd(int fd) {
        try {
            return fds.kernelFd(fd);
        } catch (KernelException e) {
            return -1;
        }
    }

    @Override
    public int scriptFd(int kernelFd) {
        return fds.scriptFd(kernelFd).orElse(kernelFd);
    }

    /** The host has one process, the JVM's: a sibling is a second table of fds in it. */
    @Override
    public ScriptProcess sibling() {
        return new HostProcess(host, fds.kernelNumbers(), waitLimit);
    }

    @Override
    public Optional<String> holderOf(String device) {
        for (int fd : fds.numbers()) {
            if (VfioDeviceFds.device(kernelFd(fd)).filter(device::equals).isPresent()) {
                return Optional.of("fd " + fd);
            }
        }
        return syscalls.mapsDevice(device) ? Optional.of("a mapping of it") : Optional.empty();
    }

    /** poll(2) first, on a blocking fd: a call that finds the fd ready does not block. */
    @Override
    public long blocking(int fd, Direction direction, BlockingCall call) throws KernelException, CannotRunException {
        int kernelFd = kernelFd(fd);
        if (kernelFd >= 0 && (host.fileStatusFlags(kernelFd) & OpenFlags.O_NONBLOCK) == 0) {
            int events = direction == Direction.READ ? HostSyscalls.POLLIN : HostSyscalls.POLLOUT;
            if (host.poll(kernelFd, events, waitLimit) == 0) {
                throw new CannotRunException("the call would block: fd " + fd + " was not ready to "
                        + direction.name().toLowerCase(Locale.ROOT) + " after " + waitLimit.toMillis()
                        + " ms");
            }
        }
        return call.run();
    }

    @Override
    public void setCredentials(int uid, OptionalInt gid) throws CannotRunException {
        throw new CannotRunException("user: credentials cannot be switched on the host: the script runs in the"
                + " JVM's own process, whose threads all share them");
    }

    /** Sets the soft limit, which is what the kernel checks; the hard one rises only when it must. */
    @Override
    public void setMemlockLimit(long bytes) throws CannotRunException {
        try {
            Rlimit now = host.getrlimit(Rlimit.RLIMIT_MEMLOCK);
            long maximum = Long.compareUnsigned(bytes, now.maximum()) > 0 ? bytes : now.maximum();
            host.setrlimit(Rlimit.RLIMIT_MEMLOCK, new Rlimit(bytes, maximum));
        } catch (KernelException e) {
            throw new CannotRunException("ulimit -l: cannot set RLIMIT_MEMLOCK to " + bytes + " bytes: "
                    + e.errno().describe());
        }
    }

    @Override
    public void sleep(Duration duration) throws CannotRunException {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotRunException("sleep: interrupted");
        }
    }

    @Override
    public void close() {
        syscalls.close();
        if (fixedLength > 0) {
            try {
                host.memory().munmap(fixedAddress, fixedLength);
            } catch (KernelException e) {
                throw new IllegalStateException("munmap of the scratch area failed", e);
            }
        }
    }
}
