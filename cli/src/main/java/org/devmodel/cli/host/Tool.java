package org.devmodel.cli.host;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.devmodel.cli.admin.AdminException;
import org.devmodel.core.Errno;

/**
 * A program of this machine run to completion, as a shell runs it: standard input empty, standard
 * output and error collected. A program that is not installed gets the shell's words for it.
 */
final class Tool {
    /** kmod and dmesg answer in well under a second; a tool still running after this is stuck. */
    private static final long TIMEOUT_SECONDS = 60;

    private Tool() {
    }

    /**
     * Runs a program.
     *
     * @param command the program's name (found on {@code PATH}) and its arguments
     * @return what it printed and its exit status
     * @throws AdminException ENOENT with {@code bash: NAME: command not found} when it is not
     *     installed, ETIME when it does not finish in a minute
     */
    static Result run(List<String> command) throws AdminException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new AdminException(Errno.ENOENT, "bash: " + command.get(0) + ": command not found");
        }
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        String stdout = text(process.getInputStream());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AdminException(Errno.ETIME, command.get(0) + ": still running after " + TIMEOUT_SECONDS
                        + " s, killed");
            }
            return new Result(process.exitValue(), stdout, stderr.join());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AdminException(Errno.EINTR, command.get(0) + ": interrupted");
        }
    }

    /**
     * Runs a program that prints its answer on standard output and its error on standard error.
     *
     * @param command the program's name and its arguments
     * @return what it printed on standard output
     * @throws AdminException when it fails: its message, with the errno the message stands for
     */
    static String output(List<String> command) throws AdminException {
        Result result = run(command);
        if (!result.succeeded()) {
            String message = result.stderr().strip();
            throw new AdminException(errno(message), message);
        }
        return result.stdout();
    }

    /**
     * {@return the errno a tool's error message stands for}: a tool exits with 1 whatever failed, so
     * the errno is read from its words: the {@code strerror} text it quotes (the longest that
     * matches), else ENOENT for a module not found or not loaded, EAGAIN for one in use (as
     * {@code delete_module} answers), else EINVAL
     *
     * @param message e.g. {@code modprobe: ERROR: could not insert 'vfio_pci': No such device}
     */
    static Errno errno(String message) {
        return Arrays.stream(Errno.values()).filter(e -> message.contains(": " + e.message()))
                .max(Comparator.comparingInt(e -> e.message().length()))
                .orElseGet(() -> message.contains("not found") || message.contains("not currently loaded")
                        || message.contains("is builtin") ? Errno.ENOENT
                        : message.contains("is in use") ? Errno.EAGAIN : Errno.EINVAL);
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a program did.
     *
     * @param status its exit status
     * @param stdout what it printed on standard output
     * @param stderr what it printed on standard error
     */
    record Result(int status, String stdout, String stderr) {
        /** {@return whether it exited with status 0} */
        boolean succeeded() {
            return status == 0;
        }
    }
}
