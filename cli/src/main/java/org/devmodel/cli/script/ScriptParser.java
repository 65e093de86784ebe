package org.devmodel.cli.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.devmodel.core.Errno;
import org.devmodel.core.fs.EventFdFlags;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Mman;
import org.devmodel.ioctl.IoctlTable;

/**
 * Parses a whole script before anything runs: every command word, constant, ioctl and struct-field
 * name is resolved against an ioctl table, so a misspelt name is a syntax error. NAMEs are left to
 * run time.
 */
public final class ScriptParser {
    /** The open flags a script may name, with Linux x86_64 values. */
    /** The sharing of a file mapping; as mmap(2), the kernel refuses anything but exactly one. */
    private static final Map<String, Long> FILE_MAP_FLAGS = Map.of("MAP_SHARED", (long) Mman.MAP_SHARED,
            "MAP_PRIVATE", (long) Mman.MAP_PRIVATE);
    private static final Map<String, Long> OPEN_FLAGS = Map.of(
            "O_RDONLY", (long) OpenFlags.O_RDONLY, "O_WRONLY", (long) OpenFlags.O_WRONLY,
            "O_RDWR", (long) OpenFlags.O_RDWR, "O_NONBLOCK", (long) OpenFlags.O_NONBLOCK,
            "O_CLOEXEC", (long) OpenFlags.O_CLOEXEC);
    /** eventfd2's flags, core's values. */
    private static final Map<String, Long> EVENTFD_FLAGS = Map.of(
            "EFD_NONBLOCK", (long) EventFdFlags.EFD_NONBLOCK, "EFD_CLOEXEC", (long) EventFdFlags.EFD_CLOEXEC);

    private final IoctlParser ioctls;

    /**
     * @param table the ioctl descriptions names are resolved against
     */
    public ScriptParser(IoctlTable table) {
        this.ioctls = new IoctlParser(table);
    }

    /** {@return every word a command may start with: the process commands, then the admin verbs} */
    public static List<String> commandWords() {
        return Stream.concat(Arrays.stream(ProcessVerb.values()).map(ProcessVerb::word),
                Arrays.stream(AdminVerb.values()).map(AdminVerb::word)).toList();
    }

    /**
     * Parses a script.
     *
     * @param text the whole script
     * @return the parsed script
     * @throws ScriptException at the first error, with its position
     */
    public Script parse(String text) throws ScriptException {
        List<Statement> statements = new ArrayList<>();
        String comment = null;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            List<Token> tokens = Lexer.tokenize(lines[i], i + 1);
            if (tokens.isEmpty()) {
                comment = Lexer.fullLineComment(lines[i]);
                continue;
            }
            statements.add(statement(tokens, i + 1, lines[i].length(), Optional.ofNullable(comment)));
            comment = null;
        }
        return new Script(statements);
    }

    /**
     * Parses one line that must hold a command, as the shell reads them.
     *
     * @param line the text
     * @param lineNumber its number, from 1
     * @return the statement, or empty for a blank or comment line
     * @throws ScriptException for a wrong command
     */
    public Optional<Statement> parseLine(String line, int lineNumber) throws ScriptException {
        List<Token> tokens = Lexer.tokenize(line, lineNumber);
        return tokens.isEmpty() ? Optional.empty()
                : Optional.of(statement(tokens, lineNumber, line.length(), Optional.empty()));
    }

    private Statement statement(List<Token> tokens, int line, int length, Optional<String> comment)
            throws ScriptException {
        Position end = new Position(line, length + 1);
        int arrow = 0;
        while (arrow < tokens.size() && !tokens.get(arrow).isWord("=>")) {
            arrow++;
        }
        Command command = command(new Cursor(tokens.subList(0, arrow), end));
        Optional<Expectation> expectation = arrow == tokens.size() ? Optional.empty()
                : Optional.of(expectation(new Cursor(tokens.subList(arrow + 1, tokens.size()), end)));
        return new Statement(tokens.get(0).position(), command, expectation, comment);
    }

    private Command command(Cursor cursor) throws ScriptException {
        Token word = cursor.next("command");
        if (word.kind() != Token.Kind.WORD) {
            throw new ScriptException(word.position(), "expected a command");
        }
        Optional<ProcessVerb> process = ProcessVerb.byWord(word.text());
        return process.isPresent() ? process.get().parse(this, cursor) : admin(word, cursor);
    }

    // The readers of each process command's arguments, named in ProcessVerb's table.

    Command ioctl(Cursor cursor) throws ScriptException {
        return ioctls.parse(cursor);
    }

    Command open(Cursor cursor) throws ScriptException {
        Name fd = cursor.name("NAME");
        String path = cursor.text("PATH").text();
        int flags = OpenFlags.O_RDWR;
        if (cursor.hasNext()) {
            Token token = cursor.text("FLAGS");
            flags = (int) Terms.orOfNames(token.text(), token.position(), OPEN_FLAGS::get, "open flag");
        }
        cursor.expectEnd();
        return new Command.Open(fd, path, flags);
    }

    Command close(Cursor cursor) throws ScriptException {
        Name fd = cursor.name("NAME");
        cursor.expectEnd();
        return new Command.Close(fd);
    }

    Command read(Cursor cursor) throws ScriptException {
        Name fd = cursor.name("NAME");
        long count = Terms.smallInteger(cursor.next("COUNT"), "COUNT");
        Optional<FileOffset> offset = at(cursor);
        cursor.expectEnd();
        return new Command.Read(fd, count, offset);
    }

    Command write(Cursor cursor) throws ScriptException {
        Name fd = cursor.name("NAME");
        Command.Bytes data = Terms.data(cursor);
        Optional<FileOffset> offset = at(cursor);
        cursor.expectEnd();
        return new Command.Write(fd, data, offset);
    }

    private static Optional<FileOffset> at(Cursor cursor) throws ScriptException {
        if (!cursor.nextIs("at")) {
            return Optional.empty();
        }
        cursor.next("at");
        return Optional.of(Terms.offset(cursor.next("OFFSET after at")));
    }

    Command mmap(Cursor cursor) throws ScriptException {
        Name buffer = cursor.name("BUF");
        long length = Terms.integer(cursor.next("LENGTH"), "LENGTH");
        if (!cursor.hasNext()) {
            return new Command.Mmap(buffer, length, Optional.empty(), new FileOffset.Absolute(0),
                    Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS);
        }
        Name file = cursor.name("NAME of the file to map");
        FileOffset offset = Terms.offset(cursor.next("OFFSET"));
        int flags = Mman.MAP_SHARED;
        if (cursor.hasNext()) {
            Token token = cursor.next("MAP_SHARED or MAP_PRIVATE");
            flags = (int) Terms.orOfNames(token.text(), token.position(), FILE_MAP_FLAGS::get, "mmap flag");
        }
        cursor.expectEnd();
        return new Command.Mmap(buffer, length, Optional.of(file), offset, flags);
    }

    Command poke(Cursor cursor) throws ScriptException {
        Name buffer = cursor.name("BUF");
        long offset = Terms.integer(cursor.next("OFFSET"), "OFFSET");
        Command.Bytes data = Terms.data(cursor);
        cursor.expectEnd();
        return new Command.Poke(buffer, offset, data);
    }

    Command peek(Cursor cursor) throws ScriptException {
        Name buffer = cursor.name("BUF");
        long offset = Terms.integer(cursor.next("OFFSET"), "OFFSET");
        int count = Terms.smallInteger(cursor.next("COUNT"), "COUNT");
        cursor.expectEnd();
        return new Command.Peek(buffer, offset, count);
    }

    Command eventfd(Cursor cursor) throws ScriptException {
        Name fd = cursor.name("NAME");
        int flags = 0;
        if (cursor.hasNext()) {
            Token token = cursor.text("flags");
            flags = (int) Terms.orOfNames(token.text(), token.position(), EVENTFD_FLAGS::get, "eventfd flag");
        }
        cursor.expectEnd();
        return new Command.Eventfd(fd, flags);
    }

    Command user(Cursor cursor) throws ScriptException {
        int uid = Terms.smallInteger(cursor.next("UID"), "UID");
        OptionalInt gid = cursor.hasNext() ? OptionalInt.of(Terms.smallInteger(cursor.next("GID"), "GID"))
                : OptionalInt.empty();
        cursor.expectEnd();
        return new Command.User(uid, gid);
    }

    Command ulimit(Cursor cursor) throws ScriptException {
        Token option = cursor.next("-l");
        if (!option.isWord("-l")) {
            throw new ScriptException(option.position(), "ulimit: only -l (RLIMIT_MEMLOCK) is supported");
        }
        Token limit = cursor.next("KIB");
        long bytes = limit.isWord("unlimited") ? Long.MAX_VALUE : Terms.smallInteger(limit, "KIB") * 1024L;
        cursor.expectEnd();
        return new Command.Ulimit(bytes);
    }

    Command sleep(Cursor cursor) throws ScriptException {
        Command.Sleep sleep = new Command.Sleep(Terms.duration(cursor.next("DURATION")));
        cursor.expectEnd();
        return sleep;
    }

    private static Command admin(Token word, Cursor cursor) throws ScriptException {
        AdminVerb verb = AdminVerb.byWord(word.text())
                .orElseThrow(() -> new ScriptException(word.position(), "unknown command " + word.text()));
        List<Token> tokens = new ArrayList<>();
        while (cursor.hasNext()) {
            tokens.add(cursor.text("argument"));
        }
        List<String> arguments = tokens.stream().map(Token::text).toList();
        Optional<AdminVerb.Problem> problem = verb.check(arguments);
        if (problem.isPresent()) {
            int index = problem.get().argument();
            Position where = index < tokens.size() ? tokens.get(index).position()
                    : cursor.hasNext() ? cursor.peek().position() : endOf(word, tokens);
            throw new ScriptException(where, problem.get().reason());
        }
        return new Command.Admin(verb, arguments);
    }

    /** A missing argument is reported just after the last token of the command. */
    private static Position endOf(Token word, List<Token> tokens) {
        Token last = tokens.isEmpty() ? word : tokens.get(tokens.size() - 1);
        return new Position(last.position().line(), last.position().column() + last.text().length() + 1);
    }

    private static Expectation expectation(Cursor cursor) throws ScriptException {
        Token token = cursor.next("expectation after =>");
        Expectation expectation = expectationOf(token, cursor);
        cursor.expectEnd();
        return expectation;
    }

    private static Expectation expectationOf(Token token, Cursor cursor) throws ScriptException {
        if (token.kind() == Token.Kind.STRING) {
            return new Expectation.Contains(token.text());
        }
        if (token.kind() == Token.Kind.NEGATED_STRING) {
            return new Expectation.Lacks(token.text());
        }
        String text = token.text();
        if (token.isWord("ok")) {
            return new Expectation.Success();
        }
        if (text.startsWith("x:")) {
            return new Expectation.Bytes(Terms.hexRun(token, cursor));
        }
        OptionalLong number = Numbers.parse(text);
        if (number.isPresent()) {
            return new Expectation.Result(number.getAsLong(), Numbers.isHex(text));
        }
        Optional<Errno> errno = Errno.byName(text);
        if (errno.isPresent()) {
            return new Expectation.Failure(errno.get());
        }
        throw new ScriptException(token.position(), "unknown expectation " + text
                + " (expected N, ERRNO, ok, x:HEX, \"text\" or !\"text\")");
    }
}

