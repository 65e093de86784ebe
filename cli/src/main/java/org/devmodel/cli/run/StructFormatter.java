package org.devmodel.cli.run;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.devmodel.cli.script.Numbers;
import org.devmodel.core.mem.DisplayHint;
import org.devmodel.core.mem.FieldType;
import org.devmodel.core.mem.FlexibleArray;
import org.devmodel.core.mem.StructField;
import org.devmodel.core.mem.StructValue;
import org.devmodel.ioctl.ConstantSet;
import org.devmodel.ioctl.IoctlTable;

/**
 * Shows a struct as the trace does: fields in layout order, each as its display hint says: a
 * {@code flags=SET} field as names lowest bit first with unknown bits as one trailing hex term
 * ({@code 0} when none is set), a {@code hex} field in lower-case hex with {@code 0x} (zero as
 * {@code 0}), a {@code dec} field (the default) in decimal; flexible array elements in decimal.
 */
final class StructFormatter {
    /** A {@code flags} field no constant set describes: every set bit shows in hex. */
    private static final ConstantSet NO_FLAGS = new ConstantSet("flags", List.of());

    private final IoctlTable table;

    StructFormatter(IoctlTable table) {
        this.table = table;
    }

    /**
     * {@return the struct as {@code {field=value, ...}}}
     *
     * @param value the struct
     */
    String format(StructValue value) {
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        for (StructField field : value.layout().fields()) {
            fields.add(field.name() + "=" + field(field, value.get(field.name())));
        }
        Optional<FlexibleArray> array = value.layout().flexibleArray();
        if (array.isPresent() && value.elementCount() > 0 && array.get().element() instanceof FieldType) {
            StringJoiner elements = new StringJoiner(", ", "[", "]");
            for (int i = 0; i < value.elementCount(); i++) {
                elements.add(Long.toString(value.getElement(i)));
            }
            fields.add(array.get().name() + "=" + elements);
        }
        return fields.toString();
    }

    private String field(StructField field, long value) {
        if (field.hint() instanceof DisplayHint.Flags flags) {
            return lowestBitFirst(table.constantSet(flags.flagSet()).orElse(NO_FLAGS)).formatFlags(value);
        }
        return field.hint() instanceof DisplayHint.Hex ? Numbers.hexOrZero(value) : Long.toString(value);
    }

    /** {@return the set with its members lowest bit first, as the trace names flags, whatever their declared order} */
    private static ConstantSet lowestBitFirst(ConstantSet set) {
        return new ConstantSet(set.name(), set.members().stream()
                .sorted(Comparator.comparingLong(c -> Long.numberOfTrailingZeros(c.value()))).toList());
    }
}
