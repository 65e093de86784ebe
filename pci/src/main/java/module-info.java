/**
 * The PCI bus, built into the kernel: the platform (which functions exist at boot, their IOMMU
 * groups and host drivers), config space, PCI driver binding, and the device models that emulate
 * the functions, among them QEMU's educational device {@code edu}.
 *
 * @uses org.devmodel.pci.emul.PciDeviceModel device models named by the platform, found in the boot layer
 * @provides org.devmodel.core.BuiltinSubsystem the PCI core, started at boot as a {@code subsys_initcall}
 * @provides org.devmodel.pci.emul.PciDeviceModel the built-in models {@code edu} and {@code host}
 */
module org.devmodel.pci {
    requires transitive org.devmodel.core;
    requires transitive org.devmodel.iommu;

    exports org.devmodel.pci;
    exports org.devmodel.pci.emul;

    uses org.devmodel.pci.emul.PciDeviceModel;

    provides org.devmodel.core.BuiltinSubsystem with org.devmodel.pci.internal.PciCore;
    provides org.devmodel.pci.emul.PciDeviceModel with
            org.devmodel.pci.internal.edu.EduModel,
            org.devmodel.pci.internal.HostModel;
}
