package org.devmodel.cli.run;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.devmodel.cli.machine.ScriptProcess;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Syscalls;

/**
 * {@code cat} of a device node, as coreutils' cat runs it: a process of its own opens the node
 * read-only, reads until the driver answers 0 and closes it. A device that never ends
 * ({@code /dev/zero}) is cut at {@value #BOUND} bytes, with a note on stderr saying so.
 */
final class DeviceCat {
    /** How much cat reads before it stops on its own. */
    static final int BOUND = 64 * 1024;

    private DeviceCat() {
    }

    /**
     * Reads a device node through its driver.
     *
     * @param cat the process cat runs as, with the script's process's credentials; closed here
     * @param path the node
     * @return what cat prints: the bytes read, and on stderr coreutils' message for a failed open or
     *     read (then the errno) or the note that the bound stopped it
     */
    static Outcome cat(ScriptProcess cat, String path) {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (cat) {
            Syscalls sys = cat.syscalls();
            int fd = sys.open(path, OpenFlags.O_RDONLY);
            try {
                long buf = sys.mmap(BOUND, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS,
                        -1, 0);
                long n;
                while (data.size() < BOUND && (n = sys.read(fd, buf, BOUND - data.size())) > 0) {
                    data.writeBytes(cat.memory().copyFromUser(buf, (int) n));
                }
            } finally {
                sys.close(fd);
            }
            String note = data.size() < BOUND ? ""
                    : "cat: " + path + ": stopped after " + BOUND + " bytes (devmodel's bound)\n";
            return new Outcome(Optional.empty(), 0, Optional.empty(), text(data), note);
        } catch (KernelException e) {
            return new Outcome(Optional.of(e.errno()), -1, Optional.empty(), text(data),
                    "cat: " + path + ": " + e.errno().message() + "\n");
        }
    }

    private static String text(ByteArrayOutputStream data) {
        return data.toString(StandardCharsets.UTF_8);
    }
}
