package org.devmodel.cli.script;

import java.util.List;
import java.util.Map;
import org.devmodel.core.mem.StructLayout;

/** The third argument of an {@code ioctl} command, as written. */
public sealed interface IoctlArgument {

    /** No argument: the kernel receives 0. */
    record Absent() implements IoctlArgument {
    }

    /**
     * An integer, constants joined with {@code |}, {@code &BUF} or {@code #NAME}, passed by value.
     *
     * @param value the value
     */
    record Scalar(Value value) implements IoctlArgument {
    }

    /**
     * {@code @NAME}: a pointer to an int holding NAME's fd.
     *
     * @param fd the fd's name
     */
    record FdPointer(Name fd) implements IoctlArgument {
    }

    /**
     * A quoted string, passed as a pointer to it.
     *
     * @param text the string
     */
    record Text(String text) implements IoctlArgument {
    }

    /**
     * A struct {@code {field=value, ...}}, passed as a pointer to it.
     *
     * @param layout the struct, with the flexible array's element type the ioctl's flags choose
     * @param fields the given fields in the order written, {@code argsz} filled in when not given
     * @param data the flexible array's elements, empty when none
     */
    record Struct(StructLayout layout, Map<String, Value> fields, List<Value> data) implements IoctlArgument {
        /** Copies the parts. */
        public Struct {
            fields = Map.copyOf(fields);
            data = List.copyOf(data);
        }
    }
}
