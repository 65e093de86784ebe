/**
 * End-to-end tests of VFIO as a userspace driver uses it (the tests are patched into this module).
 * Its boot layer holds only core and the built-in subsystems (misc, iommu, pci); vfio,
 * vfio_iommu_type1, vfio_pci and the example hello come from a modules directory, as from
 * {@code /lib/modules}, so the tests call them only through system calls and the ioctl descriptions
 * the index holds, as a user program would.
 */
open module org.devmodel.it.vfio {
    requires org.devmodel.core;
    requires org.devmodel.ioctl;
    requires org.devmodel.misc;
    requires org.devmodel.iommu;
    requires org.devmodel.pci;
    // vfio in the modules directory requires its UAPI, a library resolved here as userspace
    // includes linux/vfio.h
    requires org.devmodel.vfio.uapi;
}
