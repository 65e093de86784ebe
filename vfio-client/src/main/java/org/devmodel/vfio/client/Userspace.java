package org.devmodel.vfio.client;

import java.util.Objects;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Syscalls;

/**
 * The process a client acts for: its system calls and its memory. On the model that is a task's
 * ({@code new Userspace(task.syscalls(), task.memory())}); on the real kernel the host bridge's
 * ({@code new Userspace(host, host.memory())} for a {@code HostSyscalls host}).
 *
 * @param syscalls the process's system calls
 * @param memory the process's memory, where the client keeps ioctl arguments and DMA buffers live
 */
public record Userspace(Syscalls syscalls, UserMemory memory) {
    /**
     * Checks both parts.
     *
     * @param syscalls the process's system calls
     * @param memory the process's memory
     */
    public Userspace {
        Objects.requireNonNull(syscalls, "syscalls");
        Objects.requireNonNull(memory, "memory");
    }
}
