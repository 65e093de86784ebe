/**
 * The VFIO UAPI of {@code include/uapi/linux/vfio.h} (Linux v3.14): ioctl numbers, constants and
 * struct layouts, as the kernel's {@code vfio} module and userspace (the CLI, the benchmarks, a VFIO
 * client) both include the header. No kernel code: it needs core only for the struct layout type.
 */
module org.devmodel.vfio.uapi {
    requires transitive org.devmodel.core;
    // @IoctlDescriptions, read by the annotation processor that writes META-INF/devmodel/ioctls
    requires static org.devmodel.ioctl;

    exports org.devmodel.vfio.uapi;
}
