/**
 * A portable VFIO client: containers, groups, devices, DMA mappings and interrupts on eventfds,
 * over any process's {@code Syscalls} and {@code UserMemory}, so the same userspace driver runs on
 * the model kernel in its tests and on the real kernel through the host bridge. It uses the VFIO
 * UAPI and never a kernel internal.
 */
module org.devmodel.vfio.client {
    requires transitive org.devmodel.core;
    // transitive: callers name the UAPI's constants (region and IRQ indices, extensions)
    requires transitive org.devmodel.vfio.uapi;

    exports org.devmodel.vfio.client;
}
