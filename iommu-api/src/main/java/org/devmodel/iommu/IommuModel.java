package org.devmodel.iommu;

/**
 * How a machine's IOMMU isolates its groups. The platform chooses it at boot, before any group
 * exists ({@link Iommu#setModel}); the default is {@link #DOMAINS}.
 */
public enum IommuModel {
    /**
     * x86 with Intel VT-d: the IOMMU API serves the PCI bus ({@code iommu_present(&pci_bus_type)}),
     * and a backend attaches domains to groups ({@code iommu_attach_group}).
     */
    DOMAINS,
    /**
     * POWER (sPAPR, PowerNV IODA2): each group (a PE) has a TCE table translating its 32-bit DMA
     * window ({@code iommu_group_get_iommudata}); the PCI bus has no IOMMU API, so there are no
     * domains and {@link Iommu#present} answers false.
     */
    SPAPR_TCE
}
