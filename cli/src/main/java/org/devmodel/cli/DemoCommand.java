package org.devmodel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code demo}: the built-in scenario, each step preceded by its one-line comment. */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Runs the built-in demo scenario on the default platform.")
final class DemoCommand implements Callable<Integer> {
    /** The scenario, a resource of this package. */
    static final String SCRIPT = "demo.scn";

    @ParentCommand
    private DevmodelCommand top;

    @Override
    public Integer call() {
        String text = script();
        return Sessions.withRunner(top, "demo", runner -> runner.echoingComments().run(text));
    }

    /** {@return the demo's text} */
    static String script() {
        try (InputStream in = DemoCommand.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("the cli jar lacks its demo scenario " + SCRIPT);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
