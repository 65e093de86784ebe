/**
 * The devmodel launcher: boots a model kernel (or, with {@code --host}, reaches this machine's
 * through the host bridge), runs scenario scripts against it with an strace-style trace, and offers
 * an interactive shell and one-shot admin commands. Exports nothing.
 */
@SuppressWarnings("requires-automatic") // JLine 3, chosen for Java 17 and no native library (pom.xml)
module org.devmodel.cli {
    requires org.devmodel.core;
    requires org.devmodel.ioctl;
    requires org.devmodel.pci;
    requires org.devmodel.host;
    // VfioRegistry.deviceFiles, asked before an unbind that would wait for the script itself
    requires org.devmodel.vfio;
    requires info.picocli;
    // The shell's line editing. JLine 3's jars are automatic modules (Automatic-Module-Name in
    // their manifests): they read every module, require none, and export all their packages.
    requires org.jline.reader;
    requires org.jline.terminal;

    // picocli reads the command classes' annotations and sets their fields reflectively.
    opens org.devmodel.cli to info.picocli;
}
