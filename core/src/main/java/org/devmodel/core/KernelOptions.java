package org.devmodel.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.devmodel.core.module.ModuleRequestHandler;

/**
 * How a kernel boots: its command line and, for tests, what answers module requests. Immutable; made with {@link #builder()}, whose builders are
 * not thread-safe.
 */
public final class KernelOptions {
    /** The default bound on waiting for a module's {@code init}, in seconds. */
    public static final int DEFAULT_INIT_SECONDS = 30;
    private static final Duration DEFAULT_MODULE_INIT_TIMEOUT = Duration.ofSeconds(DEFAULT_INIT_SECONDS);
    private final CommandLine commandLine;
    private final ModuleRequestHandler moduleRequestHandler;
    private final Path modulesDirectory;
    private final Set<String> indexedModules;
    private final boolean bootLayerModules;
    private final Duration moduleInitTimeout;

    private KernelOptions(Builder builder) {
        this.commandLine = CommandLine.parse(builder.commandLine);
        this.moduleRequestHandler = builder.moduleRequestHandler;
        this.modulesDirectory = builder.modulesDirectory;
        this.indexedModules = builder.indexedModules;
        this.bootLayerModules = builder.bootLayerModules;
        this.moduleInitTimeout = builder.moduleInitTimeout;
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

    /** {@return the modules directory ({@code /lib/modules} of devmodel) whose jars the index holds, if set} */
    public Optional<Path> modulesDirectory() {
        return Optional.ofNullable(modulesDirectory);
    }

    /** {@return the names of the modules the index is restricted to (with what they depend on), if set} */
    public Optional<Set<String>> indexedModules() {
        return Optional.ofNullable(indexedModules);
    }

    /** {@return whether the index holds the kernel modules of the boot layer (the launch module path)} */
    public boolean bootLayerModules() {
        return bootLayerModules;
    }

    /**
     * {@return how long {@code modprobe} waits for a module's {@code init} before it gives up with
     * {@code init of MODULE has not returned after N s}, leaving the module COMING}
     */
    public Duration moduleInitTimeout() {
        return moduleInitTimeout;
    }

    /** A mutable builder of options. */
    public static final class Builder {
        private String commandLine = "";
        private ModuleRequestHandler moduleRequestHandler;
        private Path modulesDirectory;
        private Set<String> indexedModules;
        private boolean bootLayerModules = true;
        private Duration moduleInitTimeout = DEFAULT_MODULE_INIT_TIMEOUT;

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

        /**
         * Indexes the module jars of a directory too, each loaded into a layer of its own.
         *
         * @param directory the modules directory
         * @return this builder
         */
        public Builder modulesDirectory(Path directory) {
            this.modulesDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Restricts the index to some modules and what they depend on, so a test can boot a kernel
         * that knows only the module under test. By default the index holds every module found.
         *
         * @param names module names, in either spelling
         * @return this builder
         */
        public Builder indexedModules(Collection<String> names) {
            this.indexedModules = Set.copyOf(names);
            return this;
        }

        /**
         * Chooses whether the index holds the kernel modules of the boot layer (default true); a
         * kernel that should load a module from its modules directory that the launch module path
         * also holds turns this off.
         *
         * @param indexed whether boot-layer modules are indexed
         * @return this builder
         */
        public Builder bootLayerModules(boolean indexed) {
            this.bootLayerModules = indexed;
            return this;
        }

        /**
         * Bounds the wait for a module's {@code init} (default {@value KernelOptions#DEFAULT_INIT_SECONDS} s):
         * Linux's modprobe waits for ever, but a test tool must not hang on a driver whose init
         * never returns.
         *
         * @param timeout the wait, at least one millisecond
         * @return this builder
         */
        public Builder moduleInitTimeout(Duration timeout) {
            if (timeout.toMillis() < 1) {
                throw new IllegalArgumentException("module init timeout below 1 ms: " + timeout);
            }
            this.moduleInitTimeout = timeout;
            return this;
        }

        /** {@return the options} */
        public KernelOptions build() {
            return new KernelOptions(this);
        }
    }
}
