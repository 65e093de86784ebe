/**
 * The {@code vfio_pci} kernel module ({@code drivers/vfio/pci/} of Linux v3.14): the PCI driver
 * {@code vfio-pci}, which hands the functions bound to it to VFIO and serves their device fds
 * (regions through pread/pwrite and mmap, interrupts through eventfds).
 *
 * @provides org.devmodel.core.module.KernelModule the module {@code vfio_pci}, loaded by
 *     {@code modprobe vfio-pci}; it needs {@code vfio} loaded and the PCI bus built in
 */
module org.devmodel.vfio.pci {
    requires org.devmodel.vfio;
    requires org.devmodel.pci;

    provides org.devmodel.core.module.KernelModule with org.devmodel.vfio.pci.VfioPci;
}
