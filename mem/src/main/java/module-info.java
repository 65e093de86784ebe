/**
 * v3.14's memory devices ({@code drivers/char/mem.c}), built in and started at {@code fs_initcall}:
 * char major 1 {@code mem}, class {@code mem}, {@code /dev/null}, {@code zero}, {@code full},
 * {@code random} and {@code urandom}. A kernel has them when this module is on the module path.
 * Exports nothing.
 *
 * @provides org.devmodel.core.BuiltinSubsystem mem: char major 1 and its devices
 */
module org.devmodel.mem {
    requires org.devmodel.core;

    provides org.devmodel.core.BuiltinSubsystem with org.devmodel.mem.internal.MemDevices;
}
