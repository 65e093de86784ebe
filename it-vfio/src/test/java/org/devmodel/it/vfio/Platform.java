package org.devmodel.it.vfio;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.snapshot.KernelSnapshot;

/**
 * The machines the VFIO tests run on, each with the IOMMU backend vfio finds there (the other
 * backend's init answers ENODEV) and that backend's own invariant over its snapshot section. Both
 * lay out the functions and groups alike.
 */
enum Platform {
    /** The default x86 platform: vfio_iommu_type1, locked pages are the pinned pages of its mappings. */
    X86("", "vfio_iommu_type1", "VFIO_TYPE1_IOMMU", "vfio_iommu_spapr_tce") {
        @Override
        Optional<FuzzRunner.Failure> invariants(List<String> section, int index) {
            return FuzzRunner.type1Invariants(section, index);
        }
    },
    /** The POWER platform: vfio_iommu_spapr_tce, locked pages are the windows of enabled containers. */
    POWER("pci.machine=power", "vfio_iommu_spapr_tce", "VFIO_SPAPR_TCE_IOMMU", "vfio_iommu_type1") {
        @Override
        Optional<FuzzRunner.Failure> invariants(List<String> section, int index) {
            return FuzzRunner.spaprInvariants(section, index);
        }
    };

    private final String commandLine;
    private final String backend;
    private final String iommuType;
    private final String otherBackend;

    Platform(String commandLine, String backend, String iommuType, String otherBackend) {
        this.commandLine = commandLine;
        this.backend = backend;
        this.iommuType = iommuType;
        this.otherBackend = otherBackend;
    }

    /** {@return the UAPI constant naming the backend's IOMMU model, for VFIO_SET_IOMMU} */
    String iommuType() {
        return iommuType;
    }

    /** {@return the backend whose init answers ENODEV here} */
    String otherBackend() {
        return otherBackend;
    }

    /** {@return the IOMMU backend module vfio loads here} */
    String backend() {
        return backend;
    }

    /** {@return how to boot it, with modules from a directory} */
    KernelOptions options(Path modules) {
        return KernelOptions.builder().modulesDirectory(modules).commandLine(commandLine).build();
    }

    /** {@return the backend's invariant broken in a snapshot, if any} */
    Optional<FuzzRunner.Failure> invariants(KernelSnapshot snapshot, int index) {
        return invariants(snapshot.section(backend), index);
    }

    abstract Optional<FuzzRunner.Failure> invariants(List<String> section, int index);
}
