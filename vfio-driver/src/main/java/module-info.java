/**
 * The {@code vfio} kernel module ({@code drivers/vfio/vfio.c} of Linux v3.14 after "vfio: Convert
 * control interface to misc driver"): the container fd {@code /dev/vfio/vfio} as misc device
 * 10:196, group fds {@code /dev/vfio/<group>}, device fds, and the exports bus drivers and IOMMU
 * backends use.
 *
 * @provides org.devmodel.core.module.KernelModule the module {@code vfio}, loaded when
 *     {@code /dev/vfio/vfio} is opened ({@code char-major-10-196}) or by a module depending on it
 */
module org.devmodel.vfio {
    requires transitive org.devmodel.iommu;
    requires org.devmodel.misc;
    // The UAPI every bus driver and backend plugging into vfio speaks; its jar carries the ioctl
    // descriptions the index shows with this module (Depmod reads them from a transitive requires).
    requires transitive org.devmodel.vfio.uapi;

    exports org.devmodel.vfio;

    provides org.devmodel.core.module.KernelModule with org.devmodel.vfio.internal.Vfio;
}
