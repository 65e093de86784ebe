package org.devmodel.cli.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devmodel.cli.machine.ScriptProcess.Direction;
import org.devmodel.cli.script.Command;
import org.devmodel.cli.script.FileOffset;
import org.devmodel.cli.script.Numbers;
import org.devmodel.cli.script.Position;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;

/** The process commands other than {@code ioctl}: each makes its system call and writes its trace line. */
final class ProcessCommands {
    private static final int PROT_RW = Mman.PROT_READ | Mman.PROT_WRITE;

    private final Session session;
    private final RegionResolver regions;

    ProcessCommands(Session session, RegionResolver regions) {
        this.session = session;
        this.regions = regions;
    }

    Outcome open(Command.Open open) {
        List<String> args = List.of(Trace.quote(open.path()), OpenFlags.describe(open.flags()));
        try {
            int fd = syscalls().open(open.path(), open.flags());
            session.bindings().bindFd(open.fd(), fd);
            return Outcome.success(fd, Trace.call("open", args, Integer.toString(fd)));
        } catch (KernelException e) {
            session.bindings().bindFd(open.fd(), -1);
            return Outcome.failure(e.errno(), Trace.call("open", args, Trace.failed(e.errno())));
        }
    }

    Outcome close(Command.Close close) throws ScriptException {
        int fd = session.bindings().fd(close.fd());
        List<String> args = List.of(Integer.toString(fd));
        try {
            syscalls().close(fd);
            return Outcome.success(0, Trace.call("close", args, "0"));
        } catch (KernelException e) {
            return Outcome.failure(e.errno(), Trace.call("close", args, Trace.failed(e.errno())));
        }
    }

    Outcome read(Command.Read read, Position at) throws ScriptException {
        int fd = session.bindings().fd(read.fd());
        long buf = session.scratch().allocate(read.count());
        Optional<Long> offset = fileOffset(fd, read.offset());
        String name = offset.isPresent() ? "pread64" : "read";
        try {
            long n = session.blocking(fd, Direction.READ, () -> offset.isPresent()
                    ? syscalls().pread(fd, buf, read.count(), offset.get())
                    : syscalls().read(fd, buf, read.count()), at);
            byte[] bytes = session.process().memory().copyFromUser(buf, (int) n);
            List<String> args = ioArgs(fd, Trace.bytes(bytes), read.count(), offset);
            return Outcome.success(n, Trace.call(name, args, Long.toString(n))).withBytes(bytes);
        } catch (KernelException e) {
            List<String> args = ioArgs(fd, Trace.pointer(buf), read.count(), offset);
            return Outcome.failure(e.errno(), Trace.call(name, args, Trace.failed(e.errno())));
        }
    }

    Outcome write(Command.Write write, Position at) throws ScriptException {
        int fd = session.bindings().fd(write.fd());
        byte[] data = write.data().toArray();
        Optional<Long> offset = fileOffset(fd, write.offset());
        String name = offset.isPresent() ? "pwrite64" : "write";
        List<String> args = ioArgs(fd, Trace.bytes(data), data.length, offset);
        try {
            long buf = session.scratch().allocate(data.length);
            session.process().memory().copyToUser(buf, data);
            long n = session.blocking(fd, Direction.WRITE, () -> offset.isPresent()
                    ? syscalls().pwrite(fd, buf, data.length, offset.get())
                    : syscalls().write(fd, buf, data.length), at);
            return Outcome.success(n, Trace.call(name, args, Long.toString(n)));
        } catch (KernelException e) {
            return Outcome.failure(e.errno(), Trace.call(name, args, Trace.failed(e.errno())));
        }
    }

    private static List<String> ioArgs(int fd, String buffer, long count, Optional<Long> offset) {
        List<String> args = new ArrayList<>(List.of(Integer.toString(fd), buffer, Long.toString(count)));
        offset.ifPresent(o -> args.add(Numbers.hexOrZero(o)));
        return args;
    }

    private Optional<Long> fileOffset(int fd, Optional<FileOffset> offset) throws ScriptException {
        return offset.isEmpty() ? Optional.empty() : Optional.of(regions.fileOffset(fd, offset.get()));
    }

    Outcome mmap(Command.Mmap mmap) throws ScriptException {
        int fd = mmap.file().isPresent() ? session.bindings().fd(mmap.file().get()) : -1;
        long offset = regions.fileOffset(fd, mmap.offset());
        int flags = mmap.flags();
        List<String> args = List.of("NULL", Long.toString(mmap.length()), Mman.describeProt(PROT_RW),
                Mman.describeFlags(flags), Integer.toString(fd), Numbers.hexOrZero(offset));
        try {
            long address = syscalls().mmap(mmap.length(), PROT_RW, flags, fd, offset);
            session.bindings().bindBuffer(mmap.buffer(), address);
            return Outcome.success(address, Trace.call("mmap", args, Trace.pointer(address)));
        } catch (KernelException e) {
            // MAP_FAILED: a later use of the buffer faults, as it would in a program that ignored the error.
            session.bindings().bindBuffer(mmap.buffer(), -1);
            return Outcome.failure(e.errno(), Trace.call("mmap", args, Trace.failed(e.errno())));
        }
    }

    Outcome poke(Command.Poke poke) throws ScriptException {
        long address = session.bindings().buffer(poke.buffer()) + poke.offset();
        byte[] data = poke.data().toArray();
        UserMemory memory = session.process().memory();
        try {
            if (isOneAccess(address, data.length)) {
                memory.store(address, data.length, littleEndian(data));
            } else {
                for (int i = 0; i < data.length; i++) {
                    memory.store(address + i, 1, data[i]);
                }
            }
            return Outcome.silent();
        } catch (KernelException e) {
            return Outcome.failure(e.errno(), "");
        }
    }

    Outcome peek(Command.Peek peek) throws ScriptException {
        long address = session.bindings().buffer(peek.buffer()) + peek.offset();
        int count = peek.count();
        byte[] bytes = new byte[count];
        UserMemory memory = session.process().memory();
        try {
            if (isOneAccess(address, count)) {
                long value = memory.load(address, count);
                for (int i = 0; i < count; i++) {
                    bytes[i] = (byte) (value >>> (8 * i));
                }
            } else {
                for (int i = 0; i < count; i++) {
                    bytes[i] = (byte) memory.load(address + i, 1);
                }
            }
            return Outcome.success(count, Trace.bytes(bytes) + "\n").withBytes(bytes);
        } catch (KernelException e) {
            return Outcome.failure(e.errno(), "");
        }
    }

    /** A BAR sees one access when it is aligned and 1, 2, 4 or 8 bytes wide; anything else goes byte by byte. */
    private static boolean isOneAccess(long address, int width) {
        return (width == 1 || width == 2 || width == 4 || width == 8) && address % width == 0;
    }

    private static long littleEndian(byte[] data) {
        long value = 0;
        for (int i = data.length - 1; i >= 0; i--) {
            value = (value << 8) | (data[i] & 0xffL);
        }
        return value;
    }

    Outcome eventfd(Command.Eventfd eventfd) {
        List<String> args = List.of("0", describeEventfdFlags(eventfd.flags()));
        try {
            int fd = syscalls().eventfd(0, eventfd.flags());
            session.bindings().bindFd(eventfd.fd(), fd);
            return Outcome.success(fd, Trace.call("eventfd2", args, Integer.toString(fd)));
        } catch (KernelException e) {
            session.bindings().bindFd(eventfd.fd(), -1);
            return Outcome.failure(e.errno(), Trace.call("eventfd2", args, Trace.failed(e.errno())));
        }
    }

    /** eventfd2's flags as strace names them. */
    private static String describeEventfdFlags(int flags) {
        List<String> names = new ArrayList<>();
        if ((flags & EventFdFlags.EFD_NONBLOCK) != 0) {
            names.add("EFD_NONBLOCK");
        }
        if ((flags & EventFdFlags.EFD_CLOEXEC) != 0) {
            names.add("EFD_CLOEXEC");
        }
        return names.isEmpty() ? "0" : String.join("|", names);
    }

    Outcome user(Command.User user, Position at) throws ScriptException {
        return session.runs(() -> session.process().setCredentials(user.uid(), user.gid()), at);
    }

    Outcome ulimit(Command.Ulimit ulimit, Position at) throws ScriptException {
        return session.runs(() -> session.process().setMemlockLimit(ulimit.bytes()), at);
    }

    Outcome sleep(Command.Sleep sleep, Position at) throws ScriptException {
        return session.runs(() -> session.process().sleep(sleep.duration()), at);
    }

    private Syscalls syscalls() {
        return session.process().syscalls();
    }
}
