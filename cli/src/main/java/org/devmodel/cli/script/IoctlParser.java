package org.devmodel.cli.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.devmodel.core.mem.ElementType;
import org.devmodel.core.mem.FieldType;
import org.devmodel.core.mem.FlexibleArray;
import org.devmodel.core.mem.StructField;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.ioctl.ArgKind;
import org.devmodel.ioctl.ArrayVariant;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;

/** Parses {@code ioctl NAME CMD [ARG] [as NEWNAME]}, resolving CMD, constants and struct fields against the table. */
final class IoctlParser {
    private final IoctlTable table;
    private final Terms terms;

    IoctlParser(IoctlTable table) {
        this.table = table;
        this.terms = new Terms(table);
    }

    /**
     * Parses the words after {@code ioctl}.
     *
     * @param cursor positioned at NAME
     * @return the command
     * @throws ScriptException for an unknown ioctl, constant or field, or a malformed argument
     */
    Command.Ioctl parse(Cursor cursor) throws ScriptException {
        Name fd = cursor.name("NAME");
        Token cmd = cursor.text("CMD");
        OptionalLong number = cmd.kind() == Token.Kind.WORD ? Numbers.parse(cmd.text()) : OptionalLong.empty();
        Optional<IoctlDescription> description = number.isPresent() ? Optional.empty() : Optional.of(
                table.ioctl(cmd.text()).orElseThrow(() -> new ScriptException(cmd.position(), "unknown ioctl " + cmd.text())));
        IoctlArgument argument = cursor.hasNext() && !cursor.nextIs("as")
                ? argument(cursor.next("ARG"), description) : new IoctlArgument.Absent();
        Optional<Name> result = Optional.empty();
        if (cursor.nextIs("as")) {
            cursor.next("as");
            result = Optional.of(cursor.name("NEWNAME after as"));
        }
        cursor.expectEnd();
        int request = description.map(IoctlDescription::number).orElseGet(() -> (int) number.getAsLong());
        return new Command.Ioctl(fd, request, description, argument, result);
    }

    private IoctlArgument argument(Token token, Optional<IoctlDescription> description) throws ScriptException {
        switch (token.kind()) {
            case STRING:
                return new IoctlArgument.Text(token.text());
            case BRACES:
                IoctlDescription ioctl = description.orElseThrow(
                        () -> new ScriptException(token.position(), "a struct argument needs an ioctl name, not a number"));
                if (ioctl.argKind() != ArgKind.STRUCT) {
                    throw new ScriptException(token.position(), ioctl.name() + " takes no struct");
                }
                return struct(ioctl, token);
            default:
                if (token.text().startsWith("@") && token.text().length() > 1) {
                    return new IoctlArgument.FdPointer(new Name(token.text().substring(1), token.at(1)));
                }
                return new IoctlArgument.Scalar(terms.value(token.text(), token.position()));
        }
    }

    private IoctlArgument.Struct struct(IoctlDescription ioctl, Token braces) throws ScriptException {
        StructLayout layout = ioctl.layout().orElseThrow();
        Optional<FlexibleArray> array = layout.flexibleArray();
        Map<String, Value> fields = new LinkedHashMap<>();
        List<Value> data = new ArrayList<>();
        // Every name given, the array's too, with where its value starts.
        Map<String, Position> positions = new LinkedHashMap<>();
        for (Item item : Item.split(braces)) {
            int eq = item.text().indexOf('=');
            if (eq <= 0) {
                throw new ScriptException(item.position(), "expected field=value, got " + item.text());
            }
            String field = item.text().substring(0, eq).strip();
            String value = item.text().substring(eq + 1).strip();
            Position valueAt = item.at(eq + 1 + leadingBlanks(item.text().substring(eq + 1)));
            if (positions.containsKey(field)) {
                throw new ScriptException(item.position(), "field " + field + " given twice");
            }
            positions.put(field, valueAt);
            if (array.isPresent() && array.get().name().equals(field)) {
                data.addAll(elements(value, valueAt));
            } else {
                checkField(layout, field, item.position());
                fields.put(field, terms.value(value, valueAt));
            }
        }
        StructLayout typed = withElementType(ioctl, layout, fields, data, positions);
        for (Map.Entry<String, Value> field : fields.entrySet()) {
            checkFits(typed.field(field.getKey()).type(), field.getValue(), positions.get(field.getKey()));
        }
        if (!data.isEmpty()) {
            FieldType element = scalarElement(typed, positions.get(array.orElseThrow().name()));
            for (Value v : data) {
                checkFits(element, v, positions.get(array.get().name()));
            }
        }
        if (layout.fields().stream().anyMatch(f -> f.name().equals("argsz")) && !fields.containsKey("argsz")) {
            fields.put("argsz", new Value.Literal(typed.sizeWith(data.size())));
        }
        return new IoctlArgument.Struct(typed, fields, data);
    }

    private List<Value> elements(String text, Position at) throws ScriptException {
        if (!text.startsWith("[") || !text.endsWith("]")) {
            throw new ScriptException(at, "expected [v1, v2, ...], got " + text);
        }
        List<Value> values = new ArrayList<>();
        String inside = text.substring(1, text.length() - 1);
        if (inside.isBlank()) {
            return values;
        }
        int offset = 1;
        for (String part : inside.split(",", -1)) {
            values.add(terms.value(part.strip(), new Position(at.line(), at.column() + offset + leadingBlanks(part))));
            offset += part.length() + 1;
        }
        return values;
    }

    /** The flags choose the array's element type, as VFIO_DEVICE_SET_IRQS's DATA_* bits do. */
    private static StructLayout withElementType(IoctlDescription ioctl, StructLayout layout, Map<String, Value> fields,
            List<Value> data, Map<String, Position> positions) throws ScriptException {
        long flags = fields.get("flags") instanceof Value.Literal literal ? literal.value() : 0;
        Optional<ArrayVariant> variant = ioctl.arrayVariant(flags);
        if (variant.isEmpty() || layout.flexibleArray().isEmpty()) {
            return layout;
        }
        Optional<ElementType> element = variant.get().element();
        if (element.isEmpty()) {
            if (!data.isEmpty()) {
                String arrayName = layout.flexibleArray().get().name();
                throw new ScriptException(positions.get(arrayName), variant.get().flag() + " takes no " + arrayName);
            }
            return layout;
        }
        return layout.withArrayElement(element.get());
    }

    private static FieldType scalarElement(StructLayout layout, Position at) throws ScriptException {
        ElementType element = layout.flexibleArray().orElseThrow().element();
        if (element instanceof FieldType scalar) {
            return scalar;
        }
        throw new ScriptException(at, "elements of struct type cannot be written in a script");
    }

    private static void checkField(StructLayout layout, String field, Position at) throws ScriptException {
        if (layout.fields().stream().map(StructField::name).noneMatch(field::equals)) {
            throw new ScriptException(at, "struct " + layout.name() + " has no field " + field);
        }
    }

    private static void checkFits(FieldType type, Value value, Position at) throws ScriptException {
        if (value instanceof Value.Literal literal && !type.fits(literal.value())) {
            throw new ScriptException(at, literal.value() + " does not fit " + type.cName());
        }
    }

    private static int leadingBlanks(String text) {
        return text.length() - text.stripLeading().length();
    }

    /** One {@code field=value} of a brace group, split at commas outside brackets. */
    private record Item(String text, Position position) {
        Position at(int offset) {
            return new Position(position.line(), position.column() + offset);
        }

        static List<Item> split(Token braces) {
            List<Item> items = new ArrayList<>();
            String inside = braces.text();
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= inside.length(); i++) {
                char c = i < inside.length() ? inside.charAt(i) : ',';
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (c == ',' && depth == 0) {
                    String part = inside.substring(start, i);
                    if (!part.isBlank() || i < inside.length()) {
                        items.add(new Item(part.strip(), braces.at(1 + start + leadingBlanks(part))));
                    }
                    start = i + 1;
                }
            }
            return items;
        }
    }
}
