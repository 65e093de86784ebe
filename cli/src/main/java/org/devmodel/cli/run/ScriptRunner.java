package org.devmodel.cli.run;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.devmodel.cli.script.AdminVerb;
import org.devmodel.cli.script.Command;
import org.devmodel.cli.script.Position;
import org.devmodel.cli.script.Script;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.cli.script.ScriptParser;
import org.devmodel.cli.script.Statement;
import org.devmodel.cli.seam.Backend;
import org.devmodel.core.KernelException;
import org.devmodel.ioctl.IoctlTable;

/**
 * Runs scenario scripts as one process on one booted kernel: the kernel settles before each
 * command, each command prints its trace or tool output, and each expectation is checked, with
 * {@code FAIL <file>:<line>: expected X, got Y} on stderr when it does not hold.
 *
 * <p>Exit statuses: 0 when every expectation held (or there were none), 1 when any failed, 2 when
 * the script is wrong; then {@code <file>:<line>:<column>: <reason>} goes to stderr and nothing
 * after it runs. Not thread-safe.
 */
public final class ScriptRunner implements AutoCloseable {
    /** Every expectation held, or there were none. */
    public static final int PASSED = 0;
    /** An expectation failed. */
    public static final int FAILED = 1;
    /** The script is wrong. */
    public static final int WRONG = 2;

    private final Backend backend;
    private final String file;
    private final PrintStream out;
    private final PrintStream err;
    private final Session session;
    private final ProcessCommands processes;
    private final IoctlCall ioctls;
    private final AdminCommands admins;
    private boolean echoComments;
    private int passed;
    private int failed;

    /**
     * Starts the script's process on a kernel.
     *
     * @param backend the booted kernel and its parts; the caller closes it
     * @param file the script's name as given on the command line, {@code -} for standard input
     * @param out where traces and tool output go
     * @param err where tool errors, FAIL lines and script errors go
     * @throws KernelException if the process cannot be set up
     */
    public ScriptRunner(Backend backend, String file, PrintStream out, PrintStream err) throws KernelException {
        this.backend = backend;
        this.file = file;
        this.out = out;
        this.err = err;
        this.session = new Session(backend);
        this.processes = new ProcessCommands(session, new RegionResolver(session, backend.ioctls()));
        this.ioctls = new IoctlCall(session, backend.ioctls());
        this.admins = new AdminCommands(session);
    }

    /**
     * Prints each step's full-line comment before it, as the demo tells its story.
     *
     * @return this runner
     */
    public ScriptRunner echoingComments() {
        this.echoComments = true;
        return this;
    }

    /** {@return a parser that resolves names against this kernel's ioctl descriptions} */
    public ScriptParser parser() {
        return new ScriptParser(ioctls());
    }

    /** {@return this kernel's ioctl descriptions: every indexed module's, loaded or not} */
    public IoctlTable ioctls() {
        return backend.ioctls();
    }

    /**
     * Parses a whole script, then runs it, then prints the count line if it has expectations.
     *
     * @param text the script
     * @return the exit status: {@link #PASSED}, {@link #FAILED} or {@link #WRONG}
     */
    public int run(String text) {
        try {
            Script script = parser().parse(text);
            for (Statement statement : script.statements()) {
                step(statement);
            }
            if (script.hasExpectations()) {
                out.println(passed + " passed, " + failed + " failed");
            }
            return failed == 0 ? PASSED : FAILED;
        } catch (ScriptException e) {
            report(e);
            return WRONG;
        }
    }

    /**
     * Runs one statement: settles the kernel, runs the command, prints its output and checks its
     * expectation.
     *
     * @param statement the statement
     * @return whether its expectation held (true when it has none)
     * @throws ScriptException for an unknown NAME or a command that cannot run
     */
    public boolean step(Statement statement) throws ScriptException {
        backend.kernel().settle();
        session.scratch().reset();
        if (echoComments) {
            statement.comment().ifPresent(comment -> out.println("# " + comment));
        }
        Outcome outcome = execute(statement.command(), statement.position());
        out.print(outcome.stdout());
        err.print(outcome.stderr());
        out.flush();
        if (statement.expectation().isEmpty()) {
            return true;
        }
        Optional<String> failure = Expectations.check(statement.expectation().get(), outcome);
        failure.ifPresent(reason -> err.println("FAIL " + file + ":" + statement.line() + ": " + reason));
        err.flush();
        if (failure.isPresent()) {
            failed++;
        } else {
            passed++;
        }
        return failure.isEmpty();
    }

    /**
     * Runs one admin command on its own, as {@code devmodel ls -l /dev} does.
     *
     * @param verb the command
     * @param arguments its arguments, already checked with {@link AdminVerb#check}
     * @return {@link #PASSED} when it succeeded, {@link #FAILED} when it failed, {@link #WRONG}
     *     when the kernel lacks what it needs
     */
    public int runOnce(AdminVerb verb, List<String> arguments) {
        backend.kernel().settle();
        try {
            Outcome outcome = admins.run(new Command.Admin(verb, arguments), new Position(1, 1));
            out.print(outcome.stdout());
            err.print(outcome.stderr());
            return outcome.errno().isPresent() ? FAILED : PASSED;
        } catch (ScriptException e) {
            err.println("devmodel: " + e.reason());
            return WRONG;
        }
    }

    /**
     * Prints a script error as {@code <file>:<line>:<column>: <reason>}.
     *
     * @param e the error
     */
    public void report(ScriptException e) {
        out.flush();
        err.println(e.format(file));
        err.flush();
    }

    private Outcome execute(Command command, Position at) throws ScriptException {
        if (command instanceof Command.Open open) {
            return processes.open(open);
        } else if (command instanceof Command.Close close) {
            return processes.close(close);
        } else if (command instanceof Command.Ioctl ioctl) {
            return ioctls.run(ioctl);
        } else if (command instanceof Command.Read read) {
            return processes.read(read, at);
        } else if (command instanceof Command.Write write) {
            return processes.write(write);
        } else if (command instanceof Command.Mmap mmap) {
            return processes.mmap(mmap);
        } else if (command instanceof Command.Poke poke) {
            return processes.poke(poke);
        } else if (command instanceof Command.Peek peek) {
            return processes.peek(peek);
        } else if (command instanceof Command.Eventfd eventfd) {
            return processes.eventfd(eventfd);
        } else if (command instanceof Command.User user) {
            return processes.user(user);
        } else if (command instanceof Command.Ulimit ulimit) {
            return processes.ulimit(ulimit);
        } else if (command instanceof Command.Sleep sleep) {
            return processes.sleep(sleep);
        }
        return admins.run((Command.Admin) command, at);
    }

    /** Ends the script's process; the kernel stays with the backend's owner. */
    @Override
    public void close() {
        session.close();
    }
}
