/**
 * The devmodel launcher: boots a model kernel, runs scenario scripts against it with an
 * strace-style trace, and offers an interactive shell and one-shot admin commands. Exports nothing.
 */
module org.devmodel.cli {
    requires org.devmodel.core;
    requires org.devmodel.pci;
    requires info.picocli;

    // picocli reads the command classes' annotations and sets their fields reflectively.
    opens org.devmodel.cli to info.picocli;
}
