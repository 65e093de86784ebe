package org.devmodel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.cli.machine.FileTree;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.cli.script.ScriptParser;
import org.devmodel.core.Kernel;
import org.devmodel.ioctl.ArgKind;
import org.devmodel.ioctl.Constant;
import org.devmodel.ioctl.ConstantSet;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;
import org.jline.reader.Candidate;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tab completion as JLine asks for it: a parsed line in, candidates out (JLine then keeps those matching). */
class ShellCompleterTest {
    private static final IoctlTable TABLE = IoctlTable.of("test", List.of(new Constant("DEMO_BASE", 100)),
            List.of(new ConstantSet("DEMO_FLAGS", List.of(new Constant("DEMO_FLAG_ON", 1)))), List.of(),
            List.of(IoctlDescription.of("DEMO_RESET", 0x3b64, "device", ArgKind.NONE)));
    private static Kernel kernel;
    private ShellCompleter completer;

    @BeforeAll
    static void boot() throws Exception {
        kernel = Kernel.boot();
    }

    @AfterAll
    static void shutDown() {
        kernel.close();
    }

    @BeforeEach
    void completer() {
        completer = new ShellCompleter(TABLE, ShellCommand.SHELL_WORDS, FileTree.of(kernel.vfs()));
    }

    @Test
    void theFirstWordCompletesToTheCommandsThatStartWithIt() {
        assertThat(matching("ls")).containsExactlyInAnyOrder("ls", "lsmod");
        assertThat(matching("mo")).containsExactlyInAnyOrder("modprobe", "modinfo");
        assertThat(matching("he")).containsExactly("help");
    }

    @Test
    void everyCommandIsOfferedAndNothingElse() {
        assertThat(completions("")).containsExactlyInAnyOrder("open", "close", "ioctl", "read", "write", "mmap",
                "poke", "peek", "eventfd", "user", "ulimit", "sleep", "modprobe", "rmmod", "lsmod", "modinfo",
                "bind", "unbind", "new_id", "ls", "cat", "stat", "dmesg", "state", "help", "exit", "quit");
    }

    @Test
    void everyScenarioCommandOfferedIsOneTheParserKnows() {
        ScriptParser parser = new ScriptParser(TABLE);
        for (String word : ScriptParser.commandWords()) {
            // Alone, most commands lack their arguments; none may be unknown.
            Throwable thrown = catchThrowable(() -> parser.parseLine(word, 1));
            if (thrown != null) {
                assertThat(thrown).as(word).isInstanceOf(ScriptException.class)
                        .hasMessageNotContaining("unknown command");
            }
        }
    }

    @Test
    void laterWordsCompleteToIoctlAndConstantNamesFromTheTable() {
        assertThat(completions("ioctl dev ")).containsExactlyInAnyOrder("DEMO_RESET", "DEMO_BASE", "DEMO_FLAG_ON");
        assertThat(matching("ioctl dev DEMO_R")).containsExactly("DEMO_RESET");
    }

    @Test
    void aWordStartingWithASlashCompletesToThePathsOfTheModelsFileSystem() {
        assertThat(matching("open c /dev/vf")).containsExactly("/dev/vfio/");
        assertThat(matching("open c /dev/vfio/")).containsExactly("/dev/vfio/vfio");
        assertThat(matching("ls /sys/bus/pci/devices/0000:00:0")).contains("/sys/bus/pci/devices/0000:00:03.0/");
        assertThat(matching("cat /proc/")).contains("/proc/devices", "/proc/misc");
        assertThat(matching("cat /no/such/")).isEmpty();
    }

    @Test
    void aDirectoryLeavesTheWordOpenAndAFileClosesIt() {
        List<Candidate> candidates = new ArrayList<>();
        String line = "open c /dev/vfio/";
        completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
        assertThat(candidates).singleElement().satisfies(c -> assertThat(c.complete()).isTrue());
        candidates.clear();
        line = "open c /dev/";
        completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
        assertThat(candidates).filteredOn(c -> c.value().equals("/dev/vfio/")).singleElement()
                .satisfies(c -> assertThat(c.complete()).isFalse());
    }

    /** {@return the candidates for the last word, as the completer gives them} */
    private List<String> completions(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new DefaultParser().parse(line, line.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    /** {@return the candidates JLine would show: those that start with the word being typed} */
    private List<String> matching(String line) {
        String word = new DefaultParser().parse(line, line.length()).word();
        return completions(line).stream().filter(value -> value.startsWith(word)).toList();
    }
}
