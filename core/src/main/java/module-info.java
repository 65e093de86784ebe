/**
 * The model kernel: device numbers, char-device regions and cdevs, classes, devices and devtmpfs,
 * a small VFS, files and processes, user memory, fault sites, the resource ledger and snapshots.
 */
module org.devmodel.core {
    exports org.devmodel.core;
    exports org.devmodel.core.mem;
}
