package org.devmodel.host;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.Named;

/**
 * One side of a conformance test: a process's system calls and its memory, on the model or on this
 * machine's kernel. Tests written against it run unchanged on both.
 */
interface Side extends AutoCloseable {
    /** A buffer size every test fits in. */
    int BUFFER = 64 * 1024;

    Syscalls syscalls();

    UserMemory memory();

    @Override
    void close();

    /** {@return the model (a freshly booted kernel, a root process) and the host, named for the report} */
    static Stream<Named<Side>> both() {
        return Stream.of(Named.of("model", model()), Named.of("host", host()));
    }

    static Side model() {
        Kernel kernel;
        try {
            kernel = Kernel.boot();
        } catch (KernelException e) {
            throw new IllegalStateException("the model kernel did not boot", e);
        }
        Task task = kernel.spawn(Credentials.ROOT);
        return new Side() {
            @Override
            public Syscalls syscalls() {
                return task.syscalls();
            }

            @Override
            public UserMemory memory() {
                return task.memory();
            }

            @Override
            public void close() {
                kernel.close();
            }
        };
    }

    static Side host() {
        HostSyscalls host = HostBridge.syscalls();
        return new Side() {
            @Override
            public Syscalls syscalls() {
                return host;
            }

            @Override
            public UserMemory memory() {
                return host.memory();
            }

            @Override
            public void close() {
                // the process's own fds and mappings are closed by each test
            }
        };
    }

    /**
     * Reads a whole file through the side's system calls into its memory.
     *
     * @param path the file
     * @return its text
     * @throws KernelException the side's errno
     */
    default String readText(String path) throws KernelException {
        long buf = memory().mmap(BUFFER);
        int fd = syscalls().open(path, OpenFlags.O_RDONLY);
        try {
            StringBuilder text = new StringBuilder();
            for (long n; (n = syscalls().read(fd, buf, BUFFER)) > 0; ) {
                text.append(new String(memory().copyFromUser(buf, (int) n), StandardCharsets.US_ASCII));
            }
            return text.toString();
        } finally {
            syscalls().close(fd);
            memory().munmap(buf, BUFFER);
        }
    }
}
