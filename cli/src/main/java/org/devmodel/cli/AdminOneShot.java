package org.devmodel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.devmodel.cli.run.ScriptRunner;
import org.devmodel.cli.script.AdminVerb;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** An admin command run once on a freshly booted kernel, e.g. {@code devmodel ls -l /dev}. */
@Command(mixinStandardHelpOptions = true, versionProvider = Version.class)
final class AdminOneShot implements Callable<Integer> {
    private final AdminVerb verb;

    @ParentCommand
    private DevmodelCommand top;

    @Parameters(paramLabel = "ARG", description = "the command's arguments")
    private List<String> arguments = new ArrayList<>();

    private AdminOneShot(AdminVerb verb) {
        this.verb = verb;
    }

    /**
     * {@return the picocli command for a verb, with its synopsis and summary}
     *
     * @param verb the admin command
     */
    static CommandLine commandLine(AdminVerb verb) {
        CommandLine line = new CommandLine(new AdminOneShot(verb));
        // ls -l: options of the tool itself are its arguments, not picocli's.
        line.setUnmatchedOptionsArePositionalParams(true);
        line.getCommandSpec().usageMessage()
                .customSynopsis("devmodel [OPTIONS] " + verb.usage())
                .description(verb.summary() + ".");
        return line;
    }

    @Override
    public Integer call() {
        Optional<AdminVerb.Problem> problem = verb.check(arguments);
        if (problem.isPresent()) {
            top.terminal().err().println("devmodel: " + problem.get().reason());
            return ScriptRunner.WRONG;
        }
        return Sessions.withRunner(top, verb.word(), runner -> runner.runOnce(verb, arguments));
    }
}
