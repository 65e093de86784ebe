package org.devmodel.cli.run;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import org.devmodel.cli.machine.FileTree;
import org.devmodel.cli.machine.Machine;
import org.devmodel.cli.script.AdminVerb;
import org.devmodel.cli.script.Command;
import org.devmodel.cli.script.Expectation;
import org.devmodel.cli.script.Position;
import org.devmodel.cli.script.Script;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.cli.script.ScriptParser;
import org.devmodel.cli.script.Statement;
import org.devmodel.core.KernelException;
import org.devmodel.ioctl.IoctlTable;

/**
 * Runs scenario scripts as one process on one machine (the model or this machine's kernel): the
 * kernel settles before each command, each command prints its trace or tool output, and each
 * expectation is checked, with {@code FAIL <file>:<line>: expected X, got Y} on stderr when it does
 * not hold. Where the machine chooses addresses itself, an expectation on the address {@code mmap}
 * returned is not checked: {@code NOT CHECKED <file>:<line>: expected X: ...} goes to stderr.
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

    private final Machine machine;
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
    private int notChecked;

    /**
     * Starts the script's process on a machine.
     *
     * @param machine the model or this machine's kernel; the caller closes it
     * @param file the script's name as given on the command line, {@code -} for standard input
     * @param out where traces and tool output go
     * @param err where tool errors, FAIL lines and script errors go
     * @throws KernelException if the process cannot be set up
     */
    public ScriptRunner(Machine machine, String file, PrintStream out, PrintStream err) throws KernelException {
        this.machine = machine;
        this.file = file;
        this.out = out;
        this.err = err;
        this.session = new Session(machine);
        this.processes = new ProcessCommands(session, new RegionResolver(session, machine.ioctls()));
        this.ioctls = new IoctlCall(session, machine.ioctls());
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
        return machine.ioctls();
    }

    /** {@return the machine's files, whose paths the shell completes} */
    public FileTree files() {
        return machine.files();
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
            return summary();
        } catch (ScriptException e) {
            report(e);
            return WRONG;
        }
    }

    /**
     * Ends a run whose statements all ran: prints the count line if any expectation was checked.
     *
     * @return {@link #PASSED} when every expectation held (or there were none), else {@link #FAILED}
     */
    public int summary() {
        if (passed + failed + notChecked > 0) {
            out.println(passed + " passed, " + failed + " failed"
                    + (notChecked == 0 ? "" : ", " + notChecked + " not checked"));
        }
        return failed == 0 ? PASSED : FAILED;
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
        machine.settle();
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
        if (onChosenAddress(statement, outcome)) {
            err.println("NOT CHECKED " + file + ":" + statement.line() + ": expected "
                    + statement.expectation().get().describe() + ": the host's mmap chose the address");
            err.flush();
            notChecked++;
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

    /** An expectation of a number on a successful {@code mmap} compares an address the machine chose itself. */
    private boolean onChosenAddress(Statement statement, Outcome outcome) {
        return !machine.placesMappingsByRule() && statement.command() instanceof Command.Mmap
                && outcome.errno().isEmpty() && statement.expectation().get() instanceof Expectation.Result;
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
        machine.settle();
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
        if (command instanceof Command.Admin admin) {
            return admins.run(admin, at);
        }
        Command.Process process = (Command.Process) command;
        return switch (process.verb()) {
            case OPEN -> processes.open((Command.Open) process);
            case CLOSE -> processes.close((Command.Close) process);
            case IOCTL -> ioctls.run((Command.Ioctl) process);
            case READ -> processes.read((Command.Read) process, at);
            case WRITE -> processes.write((Command.Write) process, at);
            case MMAP -> processes.mmap((Command.Mmap) process);
            case POKE -> processes.poke((Command.Poke) process);
            case PEEK -> processes.peek((Command.Peek) process);
            case EVENTFD -> processes.eventfd((Command.Eventfd) process);
            case USER -> processes.user((Command.User) process, at);
            case ULIMIT -> processes.ulimit((Command.Ulimit) process, at);
            case SLEEP -> processes.sleep((Command.Sleep) process, at);
        };
    }

    /** Ends the script's process; the machine stays with whoever started it. */
    @Override
    public void close() {
        session.close();
    }
}
