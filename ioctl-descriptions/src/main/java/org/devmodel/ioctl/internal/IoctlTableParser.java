package org.devmodel.ioctl.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.devmodel.core.mem.DisplayHint;
import org.devmodel.core.mem.ElementType;
import org.devmodel.core.mem.FieldType;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.ioctl.ArgKind;
import org.devmodel.ioctl.ArrayVariant;
import org.devmodel.ioctl.Constant;
import org.devmodel.ioctl.ConstantSet;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlFormatException;
import org.devmodel.ioctl.IoctlTable;

/**
 * Reads the ioctl description format documented on {@link IoctlTable}. One parser reads one file.
 */
public final class IoctlTableParser implements Expression.Names {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** File kinds are free words; a hyphen is allowed ({@code spapr-container}). */
    private static final Pattern FILE_KIND = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final String source;
    private final List<Constant> standalone = new ArrayList<>();
    private final Map<String, Constant> constants = new LinkedHashMap<>();
    private final Map<String, ConstantSet> sets = new LinkedHashMap<>();
    private final Map<String, StructLayout> layouts = new LinkedHashMap<>();
    private final Map<String, IoctlDescription> ioctls = new LinkedHashMap<>();
    private final Map<String, String> numberOwners = new LinkedHashMap<>();
    private Optional<Block> block = Optional.empty();
    private int lineNumber;

    /**
     * Creates a parser.
     *
     * @param source the file's name for error messages
     */
    public IoctlTableParser(String source) {
        this.source = source;
    }

    /**
     * Reads a whole file.
     *
     * @param reader the text; not closed
     * @return the table
     * @throws IoctlFormatException if the text is malformed
     * @throws IOException if reading fails
     */
    public IoctlTable parse(Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            List<String> tokens = LineTokens.split(line).orElseThrow(() -> error("unbalanced quote or parenthesis"));
            if (!tokens.isEmpty()) {
                statement(tokens);
            }
        }
        if (block.isPresent()) {
            throw error("missing end of " + block.get().title());
        }
        return IoctlTable.of(source, standalone, List.copyOf(sets.values()), List.copyOf(layouts.values()),
                List.copyOf(ioctls.values()));
    }

    @Override
    public OptionalLong constant(String name) {
        Constant constant = constants.get(name);
        return constant == null ? OptionalLong.empty() : OptionalLong.of(constant.value());
    }

    @Override
    public OptionalInt sizeOf(String name) {
        if (name.equals("int")) {
            return OptionalInt.of(Integer.BYTES);
        }
        return FieldType.byName(name).map(t -> OptionalInt.of(t.size()))
                .or(() -> Optional.ofNullable(layouts.get(name)).map(l -> OptionalInt.of(l.size())))
                .orElse(OptionalInt.empty());
    }

    // ---- statements ---------------------------------------------------------------------------

    private void statement(List<String> tokens) {
        String keyword = tokens.get(0);
        if (block.isPresent()) {
            blockLine(tokens);
            return;
        }
        switch (keyword) {
            case "const" -> {
                arity(tokens, 3, "const NAME EXPR");
                Constant constant = new Constant(name(tokens.get(1)), evaluate(tokens.get(2)));
                defineConstant(constant);
                standalone.add(constant);
            }
            case "set" -> {
                arity(tokens, 2, "set NAME");
                block = Optional.of(new SetBlock(name(tokens.get(1))));
            }
            case "struct" -> {
                arity(tokens, 2, "struct NAME");
                block = Optional.of(new StructBlock(name(tokens.get(1))));
            }
            case "ioctl" -> ioctl(tokens);
            default -> throw error("unknown statement " + keyword);
        }
    }

    private void blockLine(List<String> tokens) {
        if (!tokens.get(0).equals("end")) {
            block.get().member(tokens);
            return;
        }
        arity(tokens, 1, "end");
        block.get().end();
        block = Optional.empty();
    }

    private void ioctl(List<String> tokens) {
        if (tokens.size() < 5) {
            throw error("expected ioctl NAME NUMBER FILEKIND ARG");
        }
        String name = name(tokens.get(1));
        int number = ioctlNumber(tokens.get(2));
        String fileKind = tokens.get(3);
        if (!FILE_KIND.matcher(fileKind).matches()) {
            throw error("bad file kind " + fileKind);
        }
        IoctlDescription ioctl = ioctlArgument(name, number, fileKind, tokens.subList(4, tokens.size()));
        String key = Integer.toHexString(number) + " on " + fileKind;
        String owner = numberOwners.putIfAbsent(key, name);
        if (owner != null) {
            throw error(name + ": number 0x" + key + " is already " + owner);
        }
        define(ioctls, name, ioctl, "ioctl");
    }

    private IoctlDescription ioctlArgument(String name, int number, String fileKind, List<String> arg) {
        String kind = arg.get(0);
        switch (kind) {
            case "none", "int*", "string" -> {
                arity(arg, 1, kind + " takes no options");
                ArgKind argKind = kind.equals("none") ? ArgKind.NONE
                        : kind.equals("string") ? ArgKind.STRING : ArgKind.INT_POINTER;
                return IoctlDescription.of(name, number, fileKind, argKind);
            }
            case "int" -> {
                Optional<String> values = option(arg, 1, "values").map(this::existingSet);
                return new IoctlDescription(name, number, fileKind, ArgKind.INT, values, Optional.empty(),
                        List.of());
            }
            case "struct" -> {
                return structArgument(name, number, fileKind, arg);
            }
            default -> throw error("unknown argument kind " + kind);
        }
    }

    private IoctlDescription structArgument(String name, int number, String fileKind, List<String> arg) {
        if (arg.size() < 2) {
            throw error("expected struct NAME");
        }
        StructLayout layout = existingLayout(arg.get(1));
        List<ArrayVariant> variants = option(arg, 2, "array").map(this::arrayVariants).orElse(List.of());
        if (!variants.isEmpty() && layout.flexibleArray().isEmpty()) {
            throw error("struct " + layout.name() + " has no flexible array for array=");
        }
        return new IoctlDescription(name, number, fileKind, ArgKind.STRUCT, Optional.empty(), Optional.of(layout),
                variants);
    }

    private List<ArrayVariant> arrayVariants(String spec) {
        List<ArrayVariant> variants = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.split(":", -1);
            if (parts.length != 2) {
                throw error("expected FLAG:TYPE in array=, got " + entry);
            }
            long flag = constant(parts[0]).orElseThrow(() -> error("unknown constant " + parts[0]));
            Optional<ElementType> element = parts[1].equals("none") ? Optional.empty()
                    : Optional.of(elementType(parts[1]));
            variants.add(new ArrayVariant(parts[0], flag, element));
        }
        return variants;
    }

    // ---- blocks -------------------------------------------------------------------------------

    /** A {@code set} or {@code struct} block being read. */
    private interface Block {
        String title();

        void member(List<String> tokens);

        void end();
    }

    private final class SetBlock implements Block {
        private final String name;
        private final List<Constant> members = new ArrayList<>();

        SetBlock(String name) {
            this.name = name;
        }

        @Override
        public String title() {
            return "set " + name;
        }

        @Override
        public void member(List<String> tokens) {
            arity(tokens, 2, "NAME EXPR in set " + name);
            Constant constant = new Constant(name(tokens.get(0)), evaluate(tokens.get(1)));
            defineConstant(constant);
            members.add(constant);
        }

        @Override
        public void end() {
            define(sets, name, new ConstantSet(name, members), "constant set");
        }
    }

    private final class StructBlock implements Block {
        private final String name;
        private final StructLayout.Builder builder;

        StructBlock(String name) {
            this.name = name;
            this.builder = StructLayout.builder(name);
        }

        @Override
        public String title() {
            return "struct " + name;
        }

        @Override
        public void member(List<String> tokens) {
            if (tokens.size() == 3 && tokens.get(0).equals("struct") && tokens.get(2).endsWith("[]")) {
                array(tokens.get(2), existingLayout(tokens.get(1)));
            } else if (tokens.size() == 2 && tokens.get(1).endsWith("[]")) {
                array(tokens.get(1), elementType(tokens.get(0)));
            } else if (tokens.size() == 2 || tokens.size() == 3) {
                field(tokens);
            } else {
                throw error("expected TYPE FIELD [HINT] in struct " + name);
            }
        }

        private void field(List<String> tokens) {
            FieldType type = FieldType.byName(tokens.get(0))
                    .orElseThrow(() -> error("unknown field type " + tokens.get(0)));
            String fieldName = name(tokens.get(1));
            DisplayHint hint = tokens.size() == 3 ? hint(tokens.get(2)) : DisplayHint.DECIMAL;
            try {
                builder.field(fieldName, type).hint(hint);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        private void array(String token, ElementType element) {
            String arrayName = name(token.substring(0, token.length() - 2));
            // Only the builder's own refusals are caught: name() already threw a located error.
            try {
                builder.flexibleArray(arrayName, element);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
        }

        @Override
        public void end() {
            try {
                define(layouts, name, builder.build(), "struct");
            } catch (IllegalStateException e) {
                throw error(e.getMessage());
            }
        }
    }

    // ---- pieces -------------------------------------------------------------------------------

    private DisplayHint hint(String token) {
        if (token.startsWith("flags=")) {
            return DisplayHint.flags(existingSet(token.substring("flags=".length())));
        }
        return switch (token) {
            case "dec" -> DisplayHint.DECIMAL;
            case "hex" -> DisplayHint.HEX;
            default -> throw error("unknown hint " + token);
        };
    }

    private ElementType elementType(String token) {
        return FieldType.byName(token).map(ElementType.class::cast)
                .or(() -> Optional.ofNullable(layouts.get(token)))
                .orElseThrow(() -> error("unknown element type " + token));
    }

    /** The value of a {@code key=value} token at {@code index}, which must be the last token. */
    private Optional<String> option(List<String> tokens, int index, String key) {
        if (tokens.size() <= index) {
            return Optional.empty();
        }
        String token = tokens.get(index);
        if (tokens.size() > index + 1 || !token.startsWith(key + "=")) {
            throw error("unexpected " + String.join(" ", tokens.subList(index, tokens.size())));
        }
        return Optional.of(token.substring(key.length() + 1));
    }

    private String existingSet(String name) {
        if (!sets.containsKey(name)) {
            throw error("unknown constant set " + name);
        }
        return name;
    }

    private StructLayout existingLayout(String name) {
        return Optional.ofNullable(layouts.get(name)).orElseThrow(() -> error("unknown struct " + name));
    }

    private int ioctlNumber(String text) {
        long number = evaluate(text);
        if (number < 0 || number > 0xffff_ffffL) {
            throw error("ioctl number out of 32 bits: " + text);
        }
        return (int) number;
    }

    private long evaluate(String text) {
        try {
            return Expression.evaluate(text, this);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    private void defineConstant(Constant constant) {
        define(constants, constant.name(), constant, "constant");
    }

    private <T> void define(Map<String, T> map, String name, T value, String what) {
        if (map.putIfAbsent(name, value) != null) {
            throw error("duplicate " + what + " " + name);
        }
    }

    private String name(String token) {
        if (!IDENTIFIER.matcher(token).matches()) {
            throw error("bad name " + token);
        }
        return token;
    }

    private void arity(List<String> tokens, int count, String expected) {
        if (tokens.size() != count) {
            throw error("expected " + expected);
        }
    }

    private IoctlFormatException error(String reason) {
        return new IoctlFormatException(source, lineNumber, reason);
    }
}
