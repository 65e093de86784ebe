package org.devmodel.ioctl;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.ioctl.internal.IoctlTableParser;

/**
 * The ioctl descriptions of one or more modules: constants, constant sets, struct layouts and
 * ioctls, with lookups by name and by (number, file kind). Immutable.
 *
 * <p>A module ships its table as data, the text resource {@value #RESOURCE} in its jar, outside any
 * package so that {@link #fromModule} reads it through a {@link ModuleReader} without loading or
 * running any of the module's classes.
 *
 * <h2>The format</h2>
 *
 * <p>UTF-8 text, one statement per line. Tokens are separated by blanks, except inside parentheses
 * and character literals, so {@code _IO(';', 100)} is one token. {@code #} at the start of a token
 * begins a comment that runs to the end of the line; blank lines are ignored. Names are C
 * identifiers and must be unique in a table, each kind of name (constant, set, struct, ioctl) on its
 * own. A name must be defined above the line that uses it.
 *
 * <pre>
 * const NAME EXPR            a constant outside any set, e.g. {@code const VFIO_TYPE ';'}
 *
 * set SET                    a constant set; each line up to {@code end} is a member, which is
 *   NAME EXPR                also a constant of the table
 * end
 *
 * struct STRUCT              a struct layout; each line up to {@code end} is a field, laid out with
 *   TYPE FIELD [HINT]        x86_64 C alignment; TYPE is u8, u16, u32, u64, s32 or s64;
 *   TYPE ARRAY[]             HINT is {@code dec} (the default), {@code hex} or {@code flags=SET};
 * end                        the last line may be a flexible array whose TYPE is a scalar type or
 *                            {@code struct STRUCT} of a struct defined above
 *
 * ioctl NAME NUMBER FILEKIND ARG
 *     NUMBER   an EXPR, usually {@code _IO(VFIO_TYPE, VFIO_BASE + 0)} or hex {@code 0x3B64}
 *     FILEKIND the kind of file the ioctl applies to, a free word: container, group, device
 *     ARG      {@code none} | {@code int} [{@code values=SET}] | {@code int*} | {@code string}
 *              | {@code struct STRUCT} [{@code array=FLAG:ELEM,FLAG:ELEM...}]
 *              where each FLAG is a constant and ELEM the flexible array's element type when that
 *              flag is set: a scalar type, a struct name, or {@code none} for no data
 *
 * EXPR  := OR;  OR := SHIFT ('|' SHIFT)*;  SHIFT := SUM ('&lt;&lt;' SUM)*;  SUM := ATOM ('+' ATOM)*
 * ATOM  := decimal | 0xHEX | 'c' | CONSTANT | '(' EXPR ')'
 *        | _IO(EXPR, EXPR) | _IOR(EXPR, EXPR, SIZE) | _IOW(...) | _IOWR(...)
 * SIZE  := a scalar type name, {@code int}, a struct name (its sizeof) or an EXPR
 * </pre>
 *
 * <p>Example:
 *
 * <pre>
 * const VFIO_TYPE ';'
 * const VFIO_BASE 100
 * set VFIO_GROUP_FLAGS
 *   VFIO_GROUP_FLAGS_VIABLE         1&lt;&lt;0
 *   VFIO_GROUP_FLAGS_CONTAINER_SET  1&lt;&lt;1
 * end
 * struct vfio_group_status
 *   u32 argsz
 *   u32 flags  flags=VFIO_GROUP_FLAGS
 * end
 * ioctl VFIO_GROUP_GET_STATUS _IO(VFIO_TYPE, VFIO_BASE + 3) group struct vfio_group_status
 * </pre>
 *
 * <p>A malformed file throws {@link IoctlFormatException} naming the source and line.
 */
public final class IoctlTable {
    /** Where a module's jar holds its ioctl descriptions. */
    public static final String RESOURCE = "META-INF/devmodel/ioctls";

    private final String source;
    private final List<Constant> standaloneConstants;
    private final Map<String, Constant> constants;
    private final Map<String, ConstantSet> sets;
    private final Map<String, StructLayout> layouts;
    private final Map<String, IoctlDescription> ioctls;
    private final Map<NumberKey, IoctlDescription> byNumber;

    private IoctlTable(String source, List<Constant> standaloneConstants, List<ConstantSet> sets,
            List<StructLayout> layouts, List<IoctlDescription> ioctls) {
        this.source = source;
        this.standaloneConstants = List.copyOf(standaloneConstants);
        List<Constant> all = new ArrayList<>(standaloneConstants);
        sets.forEach(set -> all.addAll(set.members()));
        this.constants = index(all, Constant::name, "constant");
        this.sets = index(sets, ConstantSet::name, "constant set");
        this.layouts = index(layouts, StructLayout::name, "struct");
        this.ioctls = index(ioctls, IoctlDescription::name, "ioctl");
        this.byNumber = index(ioctls, NumberKey::of, "ioctl number");
    }

    /**
     * Builds a table from parts already in memory.
     *
     * @param source a name for error messages, e.g. the module name
     * @param constants the constants outside any set
     * @param sets the constant sets; their members become constants of the table too
     * @param layouts the struct layouts
     * @param ioctls the ioctls
     * @return the table
     * @throws IllegalArgumentException if a name, or a number on one file kind, is used twice
     */
    public static IoctlTable of(String source, List<Constant> constants, List<ConstantSet> sets,
            List<StructLayout> layouts, List<IoctlDescription> ioctls) {
        return new IoctlTable(Objects.requireNonNull(source, "source"), constants, sets, layouts, ioctls);
    }

    /** {@return a table with nothing in it} */
    public static IoctlTable empty() {
        return of("(empty)", List.of(), List.of(), List.of(), List.of());
    }

    /**
     * Parses a table in the format described above.
     *
     * @param reader the text; read to the end but not closed
     * @param sourceName the name used in error messages, e.g. {@code vfio.jar!/META-INF/devmodel/ioctls}
     * @return the table
     * @throws IoctlFormatException if the text is malformed
     * @throws IOException if reading fails
     */
    public static IoctlTable parse(Reader reader, String sourceName) throws IOException {
        return new IoctlTableParser(sourceName).parse(reader);
    }

    /**
     * Reads a module's table from its {@value #RESOURCE} without loading any of its classes.
     *
     * @param module the module's reference, e.g. from a {@link java.lang.module.ModuleFinder}
     * @return the table, or empty if the module ships none
     * @throws IoctlFormatException if the resource is malformed
     * @throws IOException if reading the module fails
     */
    public static Optional<IoctlTable> fromModule(ModuleReference module) throws IOException {
        String sourceName = module.descriptor().name() + ":" + RESOURCE;
        try (ModuleReader moduleReader = module.open()) {
            Optional<InputStream> resource = moduleReader.open(RESOURCE);
            if (resource.isEmpty()) {
                return Optional.empty();
            }
            try (Reader reader = new InputStreamReader(resource.get(), StandardCharsets.UTF_8)) {
                return Optional.of(parse(reader, sourceName));
            }
        }
    }

    /**
     * Merges the tables of several modules into one.
     *
     * @param tables the tables
     * @return a table with everything of every table
     * @throws IllegalArgumentException if two tables define the same name, or the same number on
     *     the same file kind; the message names both sources
     */
    public static IoctlTable merge(List<IoctlTable> tables) {
        for (int i = 0; i < tables.size(); i++) {
            for (int j = i + 1; j < tables.size(); j++) {
                tables.get(i).checkDisjoint(tables.get(j));
            }
        }
        return of(String.join(", ", tables.stream().map(t -> t.source).toList()),
                flatten(tables, t -> t.standaloneConstants.stream()),
                flatten(tables, t -> t.sets.values().stream()),
                flatten(tables, t -> t.layouts.values().stream()),
                flatten(tables, t -> t.ioctls.values().stream()));
    }

    /** {@return where the table came from, for messages} */
    public String source() {
        return source;
    }

    /**
     * {@return an ioctl by name}
     *
     * @param name the C name
     */
    public Optional<IoctlDescription> ioctl(String name) {
        return Optional.ofNullable(ioctls.get(name));
    }

    /**
     * {@return the ioctl a number means on a kind of file}
     *
     * @param number the ioctl number
     * @param fileKind the kind of file, e.g. {@code "device"}
     */
    public Optional<IoctlDescription> ioctl(int number, String fileKind) {
        return Optional.ofNullable(byNumber.get(new NumberKey(number, fileKind)));
    }

    /**
     * {@return a constant by name, whether standalone or a member of a set}
     *
     * @param name the C name
     */
    public Optional<Constant> constant(String name) {
        return Optional.ofNullable(constants.get(name));
    }

    /**
     * {@return a constant set by name}
     *
     * @param name the set's name
     */
    public Optional<ConstantSet> constantSet(String name) {
        return Optional.ofNullable(sets.get(name));
    }

    /**
     * {@return a struct layout by name}
     *
     * @param name the C struct name without {@code struct}
     */
    public Optional<StructLayout> layout(String name) {
        return Optional.ofNullable(layouts.get(name));
    }

    /** {@return every ioctl, in declaration order} */
    public List<IoctlDescription> ioctls() {
        return List.copyOf(ioctls.values());
    }

    /** {@return every constant, standalone ones first, then set members, in declaration order} */
    public List<Constant> constants() {
        return List.copyOf(constants.values());
    }

    /** {@return every constant set, in declaration order} */
    public List<ConstantSet> constantSets() {
        return List.copyOf(sets.values());
    }

    /** {@return every struct layout, in declaration order} */
    public List<StructLayout> layouts() {
        return List.copyOf(layouts.values());
    }

    private void checkDisjoint(IoctlTable other) {
        checkDisjoint("constant", constants, other.constants, other);
        checkDisjoint("constant set", sets, other.sets, other);
        checkDisjoint("struct", layouts, other.layouts, other);
        checkDisjoint("ioctl", ioctls, other.ioctls, other);
        checkDisjoint("ioctl number", byNumber, other.byNumber, other);
    }

    private <K> void checkDisjoint(String what, Map<K, ?> mine, Map<K, ?> theirs, IoctlTable other) {
        mine.keySet().stream().filter(theirs::containsKey).findFirst().ifPresent(key -> {
            throw new IllegalArgumentException("duplicate " + what + " " + key + ": defined in " + source
                    + " and in " + other.source);
        });
    }

    private <K, V> Map<K, V> index(List<V> values, Function<V, K> key, String what) {
        Map<K, V> map = new LinkedHashMap<>();
        for (V value : values) {
            if (map.putIfAbsent(key.apply(value), value) != null) {
                throw new IllegalArgumentException(source + ": duplicate " + what + " " + key.apply(value));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static <T> List<T> flatten(List<IoctlTable> tables, Function<IoctlTable, Stream<T>> part) {
        return tables.stream().flatMap(part).toList();
    }

    /** An ioctl number on a kind of file, the key the syscall layer looks ioctls up by. */
    private record NumberKey(int number, String fileKind) {
        static NumberKey of(IoctlDescription ioctl) {
            return new NumberKey(ioctl.number(), ioctl.fileKind());
        }

        @Override
        public String toString() {
            return "0x" + Integer.toHexString(number) + " on " + fileKind;
        }
    }
}
