package org.devmodel.core;

import java.util.Objects;

/**
 * How a kernel boots: its command line. Immutable; made with {@link #builder()}, whose builders are
 * not thread-safe.
 */
public final class KernelOptions {
    private final CommandLine commandLine;

    private KernelOptions(Builder builder) {
        this.commandLine = CommandLine.parse(builder.commandLine);
    }

    /** {@return the default options: an empty command line} */
    public static KernelOptions defaults() {
        return builder().build();
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the kernel command line} */
    public CommandLine commandLine() {
        return commandLine;
    }

    /** A mutable builder of options. */
    public static final class Builder {
        private String commandLine = "";

        private Builder() {
        }

        /**
         * Sets the command line.
         *
         * @param words {@code key=value} words
         * @return this builder
         */
        public Builder commandLine(String words) {
            this.commandLine = Objects.requireNonNull(words, "words");
            return this;
        }

        /** {@return the options} */
        public KernelOptions build() {
            return new KernelOptions(this);
        }
    }
}
