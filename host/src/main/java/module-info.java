/**
 * The bridge to the real kernel: libc bound with jnr-ffi behind devmodel's {@code Syscalls} and
 * {@code UserMemory} faces, and the machine's PCI topology as a devmodel platform.
 */
@SuppressWarnings("requires-automatic") // jnr-ffi and jffi ship as automatic modules
module org.devmodel.host {
    requires transitive org.devmodel.core;
    requires org.jnrproject.ffi;
    // jnr-ffi is an automatic module and requires nothing: the ASM modules it generates stubs with,
    // and jffi's native stub, are resolved only because this module names them.
    requires org.jnrproject.jffi;
    requires org.jnrproject.jffi.nativelibs;
    requires org.objectweb.asm;
    requires org.objectweb.asm.commons;
    requires org.objectweb.asm.tree;
    requires org.objectweb.asm.tree.analysis;
    requires org.objectweb.asm.util;

    exports org.devmodel.host;
    // jnr-ffi implements LibC in a class of its own unnamed module: the package must be open to all.
    exports org.devmodel.host.libc;
}
