package org.devmodel.core;

import java.util.Objects;
import java.util.Optional;
import org.devmodel.core.module.ModuleRequestHandler;

/**
 * How a kernel boots: its command line and, for tests, what answers module requests. Immutable; made with {@link #builder()}, whose builders are
 * not thread-safe.
 */
public final class KernelOptions {
    private final CommandLine commandLine;
    private final ModuleRequestHandler moduleRequestHandler;

    private KernelOptions(Builder builder) {
        this.commandLine = CommandLine.parse(builder.commandLine);
        this.moduleRequestHandler = builder.moduleRequestHandler;
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

    /** {@return what answers {@code request_module} instead of the module loader, if set} */
    public Optional<ModuleRequestHandler> moduleRequestHandler() {
        return Optional.ofNullable(moduleRequestHandler);
    }

    /** A mutable builder of options. */
    public static final class Builder {
        private String commandLine = "";
        private ModuleRequestHandler moduleRequestHandler;

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

        /**
         * Sends every {@code request_module} to a handler instead of the module loader.
         *
         * @param handler answers requests
         * @return this builder
         */
        public Builder moduleRequestHandler(ModuleRequestHandler handler) {
            this.moduleRequestHandler = Objects.requireNonNull(handler, "handler");
            return this;
        }

        /** {@return the options} */
        public KernelOptions build() {
            return new KernelOptions(this);
        }
    }
}
