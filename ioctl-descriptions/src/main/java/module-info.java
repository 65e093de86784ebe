/**
 * The ioctl description language: the {@code META-INF/devmodel/ioctls} format in which a module
 * describes its ioctls, constants and structs for tools, its parser, and the tables the CLI and the
 * benchmarks look ioctls up in. The kernel only carries the text ({@code ModuleLoader
 * .ioctlDescriptions}); nothing here runs in the kernel.
 */
module org.devmodel.ioctl {
    requires transitive org.devmodel.core;

    exports org.devmodel.ioctl;
}
