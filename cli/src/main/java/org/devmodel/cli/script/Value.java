package org.devmodel.cli.script;

/** An integer argument or struct field value: known when parsed, or resolved from a NAME at run time. */
public sealed interface Value {

    /**
     * A number or constants joined with {@code |}.
     *
     * @param value the value
     */
    record Literal(long value) implements Value {
    }

    /**
     * {@code &BUF} or {@code &BUF+OFFSET}: the address of a mapped buffer.
     *
     * @param buffer the buffer's name
     * @param offset added to its address
     */
    record BufferAddress(Name buffer, long offset) implements Value {
    }

    /**
     * {@code #NAME}: the fd number bound to NAME.
     *
     * @param fd the fd's name
     */
    record FdNumber(Name fd) implements Value {
    }
}
