package org.devmodel.cli.script;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.devmodel.ioctl.IoctlDescription;

/** One parsed command of a script: a process command (it prints a trace line) or an admin command. */
public sealed interface Command {

    /** A process command: it makes system calls as the script's process and prints a trace line. */
    sealed interface Process extends Command {
        /** {@return the command's entry in the table of process commands} */
        default ProcessVerb verb() {
            return ProcessVerb.of(this);
        }
    }

    /**
     * {@code open NAME PATH [FLAGS]}.
     *
     * @param fd the name bound to the result
     * @param path the path
     * @param flags the open flags
     */
    record Open(Name fd, String path, int flags) implements Process {
    }

    /**
     * {@code close NAME}.
     *
     * @param fd the fd's name
     */
    record Close(Name fd) implements Process {
    }

    /**
     * {@code ioctl NAME CMD [ARG] [as NEWNAME]}.
     *
     * @param fd the fd's name
     * @param number the request number the kernel receives
     * @param description the ioctl's description when CMD was a name; empty when it was a number
     * @param argument the argument
     * @param result the name a returned fd is bound to, if any
     */
    record Ioctl(Name fd, int number, Optional<IoctlDescription> description, IoctlArgument argument,
            Optional<Name> result) implements Process {
    }

    /**
     * {@code read NAME COUNT [at OFFSET]}.
     *
     * @param fd the fd's name
     * @param count how many bytes
     * @param offset the offset for {@code pread64}, if any
     */
    record Read(Name fd, long count, Optional<FileOffset> offset) implements Process {
    }

    /**
     * {@code write NAME DATA [at OFFSET]}.
     *
     * @param fd the fd's name
     * @param data the bytes
     * @param offset the offset for {@code pwrite64}, if any
     */
    record Write(Name fd, Bytes data, Optional<FileOffset> offset) implements Process {
    }

    /**
     * {@code mmap BUF LENGTH [NAME OFFSET [MAP_SHARED|MAP_PRIVATE]]}.
     *
     * @param buffer the name bound to the mapping
     * @param length the length
     * @param file the mapped file's fd name; empty for anonymous memory
     * @param offset the file offset
     * @param flags {@code MAP_PRIVATE|MAP_ANONYMOUS} for anonymous memory, else {@code MAP_SHARED}
     *     (the default) or {@code MAP_PRIVATE}
     */
    record Mmap(Name buffer, long length, Optional<Name> file, FileOffset offset, int flags) implements Process {
    }

    /**
     * {@code poke BUF OFFSET DATA}.
     *
     * @param buffer the buffer's name
     * @param offset the offset in the buffer
     * @param data the bytes
     */
    record Poke(Name buffer, long offset, Bytes data) implements Process {
    }

    /**
     * {@code peek BUF OFFSET COUNT}.
     *
     * @param buffer the buffer's name
     * @param offset the offset in the buffer
     * @param count how many bytes
     */
    record Peek(Name buffer, long offset, int count) implements Process {
    }

    /**
     * {@code eventfd NAME [EFD_NONBLOCK]}.
     *
     * @param fd the name bound to the result
     * @param flags the eventfd2 flags
     */
    record Eventfd(Name fd, int flags) implements Process {
    }

    /**
     * {@code user UID [GID]}.
     *
     * @param uid the user id
     * @param gid the group id; the current one when absent
     */
    record User(int uid, OptionalInt gid) implements Process {
    }

    /**
     * {@code ulimit -l KIB}.
     *
     * @param bytes the new {@code RLIMIT_MEMLOCK}
     */
    record Ulimit(long bytes) implements Process {
    }

    /**
     * {@code sleep DURATION}.
     *
     * @param duration how far the virtual clock moves
     */
    record Sleep(Duration duration) implements Process {
    }

    /**
     * An admin command: it prints what the real tool prints.
     *
     * @param verb which tool
     * @param arguments its arguments
     */
    record Admin(AdminVerb verb, List<String> arguments) implements Command {
        /** Copies the arguments. */
        public Admin {
            arguments = List.copyOf(arguments);
        }
    }

    /**
     * Bytes given as {@code DATA}, in an immutable wrapper so that commands stay values.
     *
     * @param hex the bytes in hex
     */
    record Bytes(String hex) {
        /** {@return the bytes} */
        public byte[] toArray() {
            return Numbers.parseHex(hex);
        }
    }
}
