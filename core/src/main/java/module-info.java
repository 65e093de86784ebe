/**
 * The model kernel: device numbers, char-device regions and cdevs, classes, devices and devtmpfs,
 * a small VFS, files and processes, user memory, fault sites, the resource ledger and snapshots.
 *
 * @uses org.devmodel.core.BuiltinSubsystem built-in subsystems (misc, IOMMU, PCI) started at boot in initcall order
 * @uses org.devmodel.core.module.KernelModule loadable kernel modules, indexed at boot and loaded by modprobe
 */
module org.devmodel.core {
    exports org.devmodel.core;
    exports org.devmodel.core.chrdev;
    exports org.devmodel.core.device;
    exports org.devmodel.core.fault;
    exports org.devmodel.core.fs;
    exports org.devmodel.core.log;
    exports org.devmodel.core.mem;
    exports org.devmodel.core.module;
    exports org.devmodel.core.proc;
    exports org.devmodel.core.snapshot;

    uses org.devmodel.core.BuiltinSubsystem;
    uses org.devmodel.core.module.KernelModule;
}
