package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ConformCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aScriptThatCannotBeReadIsStatusTwo() {
        assertThat(conform("no-such.scn")).isEqualTo(2);
        assertThat(err.toString()).startsWith("devmodel conform: cannot read no-such.scn");
    }

    @Test
    void aScriptWrongOnTheModelStopsBeforeTheGuest() {
        assertThat(conform("../cli/src/test/resources/scenarios/syntax-unknown-command.scn")).isEqualTo(2);
        assertThat(err.toString()).contains("syntax-unknown-command.scn:",
                "devmodel conform: the scenario does not run on the model (exit 2)");
    }

    private int conform(String... args) {
        CommandLine cli = new CommandLine(new ConformCommand());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
