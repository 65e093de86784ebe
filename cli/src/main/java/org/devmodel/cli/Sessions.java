package org.devmodel.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.devmodel.cli.machine.Machine;
import org.devmodel.cli.run.ScriptRunner;
import org.devmodel.core.KernelException;

/**
 * Boots a kernel for a command, runs it there, and tears both down; a kernel that cannot boot (a
 * platform file or modules directory that cannot be read, a subsystem that fails) is exit status 2.
 */
final class Sessions {
    private Sessions() {
    }

    /**
     * Boots, starts a runner for a script and runs an action with it.
     *
     * @param top the top command, with the boot options and the terminal
     * @param file the script's name for messages
     * @param action what to do
     * @return the action's exit status, or 2 when the kernel could not boot
     */
    static int withRunner(DevmodelCommand top, String file, RunnerAction action) {
        try (Machine machine = top.boot(); ScriptRunner runner = new ScriptRunner(machine, file,
                top.terminal().out(), top.terminal().err())) {
            return action.run(runner);
        } catch (KernelException | IOException | UncheckedIOException | IllegalArgumentException e) {
            top.terminal().err().println("devmodel: cannot boot the kernel: " + e.getMessage());
            return ScriptRunner.WRONG;
        } catch (UnsatisfiedLinkError e) {
            top.terminal().err().println("devmodel: --host: cannot bind this machine's libc: " + e.getMessage());
            return ScriptRunner.WRONG;
        }
    }

    /** Work done with a runner. */
    @FunctionalInterface
    interface RunnerAction {
        /**
         * {@return the exit status}
         *
         * @param runner the runner
         */
        int run(ScriptRunner runner);
    }
}
