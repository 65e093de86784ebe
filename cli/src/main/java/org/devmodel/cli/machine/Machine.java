package org.devmodel.cli.machine;

import java.time.Instant;
import org.devmodel.cli.admin.AdminException;
import org.devmodel.cli.admin.ModuleAdmin;
import org.devmodel.cli.admin.PciAdmin;
import org.devmodel.core.KernelException;
import org.devmodel.ioctl.IoctlTable;

/**
 * The system a script runs on: a model kernel booted in this JVM, or the real kernel of this machine
 * ({@code --host}). The runner makes every system call, admin command and wait through it, so one
 * script prints the same trace on either where the results are the same. Closing it ends what it
 * started (the model kernel, the host's fds and mappings).
 */
public interface Machine extends AutoCloseable {

    /** {@return the ioctl descriptions script names resolve against: every indexed module's, loaded or not} */
    IoctlTable ioctls();

    /** {@return {@code modprobe}, {@code rmmod}, {@code lsmod} and {@code modinfo}} */
    ModuleAdmin modules();

    /** {@return {@code bind}, {@code unbind} and {@code new_id}} */
    PciAdmin pci();

    /** {@return the files {@code ls}, {@code cat} and {@code stat} show} */
    FileTree files();

    /**
     * {@return the kernel log as {@code dmesg} prints it}
     *
     * @throws AdminException when the log cannot be read, with the tool's words
     */
    String dmesg() throws AdminException;

    /**
     * {@return {@code state}: the kernel's objects as text, or as a Graphviz graph}
     *
     * @param dot whether to render the graph
     * @throws CannotRunException where the kernel's objects cannot be listed (the host)
     */
    String state(boolean dot) throws CannotRunException;

    /** {@return the wall time now, which decides whether {@code ls -l} shows a file's time or its year} */
    Instant now();

    /** Waits until work the kernel deferred (module loads, device events) is done; runs before each command. */
    void settle();

    /**
     * {@return whether {@code mmap} places mappings by a fixed rule, so that an expectation on an
     * address can be checked; the real kernel chooses its own}
     */
    boolean placesMappingsByRule();

    /**
     * Starts the script's process: on the model a new process of uid 0; on the host the JVM's own,
     * with its credentials and limits. Its first fd is 3 on either.
     *
     * @return the process; close it before the machine
     * @throws KernelException if the process cannot be set up
     */
    ScriptProcess spawn() throws KernelException;

    @Override
    void close();
}
