package org.example.edu;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.devmodel.core.KernelException;
import org.devmodel.host.HostSyscalls;
import org.devmodel.vfio.client.Userspace;
import org.devmodel.vfio.client.WaitStrategy;

/**
 * The command line around {@link Edu}:
 *
 * <pre>
 * edu-tool GROUP ADDRESS version
 * edu-tool GROUP ADDRESS factorial N
 * edu-tool GROUP ADDRESS dma TEXT      (TEXT into edu's buffer and back, by DMA)
 * </pre>
 *
 * <p>{@link #main} runs on this machine's kernel (the function bound to vfio-pci, the user allowed
 * to open {@code /dev/vfio/GROUP}); {@link #run} on whatever process it is given.
 */
public final class EduTool {
    private static final String USAGE = "usage: edu-tool GROUP ADDRESS (version | factorial N | dma TEXT)";

    private EduTool() {
    }

    /**
     * Runs the tool on this machine's kernel and exits with its status.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        HostSyscalls host = HostSyscalls.load();
        System.exit(run(new Userspace(host, host.memory()),
                WaitStrategy.sleeping(Duration.ofMillis(1), Duration.ofSeconds(5)), args, System.out, System.err));
    }

    /**
     * Runs one command.
     *
     * @param process the process to drive edu from
     * @param waiting how to let time pass while waiting for edu's interrupts
     * @param args GROUP ADDRESS COMMAND [ARGUMENT]
     * @param out where results go
     * @param err where errors go
     * @return 0 when the command ran, 1 when the kernel or the device failed it, 2 for a bad command line
     */
    public static int run(Userspace process, WaitStrategy waiting, String[] args, PrintStream out, PrintStream err) {
        boolean shaped = args.length == 3 && args[2].equals("version")
                || args.length == 4 && (args[2].equals("factorial") || args[2].equals("dma"));
        if (!shaped) {
            err.println(USAGE);
            return 2;
        }
        String number = args[0];
        int group;
        int n = 0;
        try {
            group = Integer.parseInt(number);
            if (args[2].equals("factorial")) {
                number = args[3];
                n = Integer.parseUnsignedInt(number);
            }
        } catch (NumberFormatException e) {
            err.println("edu-tool: not a number: " + number);
            return 2;
        }
        byte[] text = args[2].equals("dma") ? args[3].getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (text.length > EduRegisters.DMA_BUFFER_SIZE) {
            err.println("edu-tool: dma: text longer than edu's " + EduRegisters.DMA_BUFFER_SIZE + "-byte buffer");
            return 2;
        }
        try (Edu edu = Edu.open(process, group, args[1], waiting)) {
            switch (args[2]) {
                case "factorial" -> out.println(n + "! = " + edu.factorial(n) + " (mod 2^32)");
                case "dma" -> {
                    edu.write(0, text);
                    out.println(new String(edu.read(0, text.length), StandardCharsets.UTF_8));
                }
                default -> out.println("edu " + edu.version());
            }
            return 0;
        } catch (KernelException e) {
            // the errno, which reads the same on the model and on the real kernel
            err.println("edu-tool: " + args[1] + ": " + e.errno().describe());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("edu-tool: interrupted");
            return 1;
        }
    }
}
