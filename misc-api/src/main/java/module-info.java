/**
 * The misc subsystem ({@code drivers/char/misc.c}): the API drivers compile against and its
 * built-in implementation. Filled in by the misc issue.
 */
module org.devmodel.misc {
    requires transitive org.devmodel.core;
}
