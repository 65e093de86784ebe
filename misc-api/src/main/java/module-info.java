/**
 * The misc subsystem ({@code drivers/char/misc.c} of v3.14): the API misc drivers compile against
 * and its built-in implementation, started at boot like {@code subsys_initcall(misc_init)}.
 *
 * @provides org.devmodel.core.BuiltinSubsystem misc: char major 10, class {@code misc}, {@code /proc/misc}
 */
module org.devmodel.misc {
    requires transitive org.devmodel.core;

    exports org.devmodel.misc;

    provides org.devmodel.core.BuiltinSubsystem with org.devmodel.misc.internal.Misc;
}
