package org.devmodel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.devmodel.cli.run.ScriptRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code run FILE|-}: runs a scenario script. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs a scenario script and prints its trace; exit 0 passed, 1 failed, 2 wrong script.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    private DevmodelCommand top;

    @Parameters(paramLabel = "FILE|-", description = "the script, or - for standard input")
    private String file;

    @Override
    public Integer call() {
        String text;
        try {
            text = file.equals("-") ? new String(top.terminal().in().readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file));
        } catch (IOException e) {
            top.terminal().err().println("devmodel: cannot read " + file + ": " + Messages.reason(e));
            return ScriptRunner.WRONG;
        }
        return Sessions.withRunner(top, file, runner -> runner.run(text));
    }
}
