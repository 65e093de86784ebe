package org.devmodel.cli.script;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The process commands: each makes system calls as the script's process and prints an
 * strace-style line. This table drives the parser, the runner's dispatch (a switch the compiler
 * holds to every constant), Tab completion and the shell's {@code help}.
 */
public enum ProcessVerb {
    /** {@code open NAME PATH [FLAGS]}. */
    OPEN(Command.Open.class, "NAME PATH [FLAGS]", "FLAGS default O_RDWR; binds NAME to the fd", true,
            ScriptParser::open),
    /** {@code close NAME}. */
    CLOSE(Command.Close.class, "NAME", "", true, ScriptParser::close),
    /** {@code ioctl NAME CMD [ARG] [as NEWNAME]}. */
    IOCTL(Command.Ioctl.class, "NAME CMD [ARG] [as NEWNAME]",
            "ARG: N, CONST|CONST, @NAME, \"string\", {field=value, ...}\n"
                    + "values: N, CONST, &BUF, &BUF+OFFSET, #NAME, data=[v1, v2]", true, ScriptParser::ioctl),
    /** {@code read NAME COUNT [at OFFSET]}. */
    READ(Command.Read.class, "NAME COUNT [at OFFSET]", "OFFSET: N or a region such as BAR0+0x4", true,
            ScriptParser::read),
    /** {@code write NAME DATA [at OFFSET]}. */
    WRITE(Command.Write.class, "NAME DATA [at OFFSET]", "DATA: x:HEX, \"text\", u8:/u16:/u32:/u64:VALUE", true,
            ScriptParser::write),
    /** {@code mmap BUF LENGTH [NAME OFFSET [MAP_PRIVATE]]}: a file mapping is {@code MAP_SHARED} unless told. */
    MMAP(Command.Mmap.class, "BUF LENGTH [NAME OFFSET [MAP_PRIVATE]]", "", true, ScriptParser::mmap),
    /** {@code poke BUF OFFSET DATA}. */
    POKE(Command.Poke.class, "BUF OFFSET DATA", "", true, ScriptParser::poke),
    /** {@code peek BUF OFFSET COUNT}. */
    PEEK(Command.Peek.class, "BUF OFFSET COUNT", "", true, ScriptParser::peek),
    /** {@code eventfd NAME [EFD_NONBLOCK]}. */
    EVENTFD(Command.Eventfd.class, "NAME [EFD_NONBLOCK]", "", true, ScriptParser::eventfd),
    /** {@code user UID [GID]}. */
    USER(Command.User.class, "UID [GID]", "", false, ScriptParser::user),
    /** {@code ulimit -l KIB}. */
    ULIMIT(Command.Ulimit.class, "-l KIB", "", false, ScriptParser::ulimit),
    /** {@code sleep DURATION}. */
    SLEEP(Command.Sleep.class, "DURATION", "(100ms, 2s)", false, ScriptParser::sleep);

    /** Reads a command's arguments after its word. */
    @FunctionalInterface
    interface Parser {
        Command parse(ScriptParser parser, Cursor cursor) throws ScriptException;
    }

    private final Class<? extends Command.Process> type;
    private final String synopsis;
    private final String note;
    private final boolean ownHelpLine;
    private final Parser parser;

    ProcessVerb(Class<? extends Command.Process> type, String synopsis, String note, boolean ownHelpLine,
            Parser parser) {
        this.type = type;
        this.synopsis = synopsis;
        this.note = note;
        this.ownHelpLine = ownHelpLine;
        this.parser = parser;
    }

    /** {@return the command's name in a script} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the command with its synopsis, e.g. {@code close NAME}} */
    public String usage() {
        return word() + " " + synopsis;
    }

    /** {@return what the help says about the arguments, lines separated by {@code \n}; may be empty} */
    public String note() {
        return note;
    }

    /** {@return whether the help gives the command a line of its own, rather than sharing one with its neighbours} */
    public boolean ownHelpLine() {
        return ownHelpLine;
    }

    /**
     * {@return a command by its script name}
     *
     * @param word the name
     */
    public static Optional<ProcessVerb> byWord(String word) {
        return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
    }

    /**
     * {@return the entry of a parsed command}
     *
     * @param command the command
     */
    static ProcessVerb of(Command.Process command) {
        return Arrays.stream(values()).filter(v -> v.type == command.getClass()).findFirst().orElseThrow();
    }

    Command parse(ScriptParser scriptParser, Cursor cursor) throws ScriptException {
        return parser.parse(scriptParser, cursor);
    }
}
