package org.devmodel.vfio.uapi;

import static org.devmodel.core.mem.DisplayHint.HEX;

import org.devmodel.core.mem.DisplayHint;
import org.devmodel.core.mem.FieldType;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.ioctl.IoctlDescriptions;

/**
 * The structs of {@code include/uapi/linux/vfio.h} (v3.14) with their x86_64 layout. Every struct a
 * caller fills starts with {@code argsz}, the size the caller allocated; drivers copy in
 * {@code minsz = offsetofend(struct, last field they read)} and refuse {@code argsz < minsz} with
 * EINVAL.
 */
@IoctlDescriptions
public final class VfioStructs {
    /** {@code struct vfio_group_status} (8 bytes): argsz, flags ({@code VFIO_GROUP_FLAGS_*}). */
    public static final StructLayout VFIO_GROUP_STATUS = StructLayout.builder("vfio_group_status")
            .u32("argsz").u32("flags").hint(DisplayHint.flags("VFIO_GROUP_FLAGS"))
            .build();

    /** {@code struct vfio_device_info} (16 bytes). */
    public static final StructLayout VFIO_DEVICE_INFO = StructLayout.builder("vfio_device_info")
            .u32("argsz").u32("flags").hint(DisplayHint.flags("VFIO_DEVICE_FLAGS"))
            .u32("num_regions").u32("num_irqs")
            .build();

    /** {@code struct vfio_region_info} (32 bytes): size at 16, offset at 24. */
    public static final StructLayout VFIO_REGION_INFO = StructLayout.builder("vfio_region_info")
            .u32("argsz").u32("flags").hint(DisplayHint.flags("VFIO_REGION_INFO_FLAGS"))
            .u32("index").u32("resv").u64("size").hint(HEX).u64("offset").hint(HEX)
            .build();

    /** {@code struct vfio_irq_info} (16 bytes). */
    public static final StructLayout VFIO_IRQ_INFO = StructLayout.builder("vfio_irq_info")
            .u32("argsz").u32("flags").hint(DisplayHint.flags("VFIO_IRQ_INFO_FLAGS"))
            .u32("index").u32("count")
            .build();

    /**
     * {@code struct vfio_irq_set} (20 bytes + data): {@code data[]} is declared {@code __u8}; its
     * real element type follows the {@code VFIO_IRQ_SET_DATA_*} flag (see
     * {@link StructLayout#withArrayElement}).
     */
    public static final StructLayout VFIO_IRQ_SET = StructLayout.builder("vfio_irq_set")
            .u32("argsz").u32("flags").hint(DisplayHint.flags("VFIO_IRQ_SET_FLAGS"))
            .u32("index").u32("start").u32("count").flexibleArray("data", FieldType.U8)
            .build();

    /** {@code struct vfio_iommu_type1_info} (16 bytes). */
    public static final StructLayout VFIO_IOMMU_TYPE1_INFO = StructLayout.builder("vfio_iommu_type1_info")
            .u32("argsz").u32("flags").hint(DisplayHint.flags("VFIO_IOMMU_INFO_FLAGS"))
            .u64("iova_pgsizes").hint(HEX)
            .build();

    /** {@code struct vfio_iommu_type1_dma_map} (32 bytes). */
    public static final StructLayout VFIO_IOMMU_TYPE1_DMA_MAP = StructLayout.builder("vfio_iommu_type1_dma_map")
            .u32("argsz").u32("flags").hint(DisplayHint.flags("VFIO_DMA_MAP_FLAGS"))
            .u64("vaddr").hint(HEX).u64("iova").hint(HEX).u64("size").hint(HEX)
            .build();

    /** {@code struct vfio_iommu_type1_dma_unmap} (24 bytes); no flags are defined in v3.14. */
    public static final StructLayout VFIO_IOMMU_TYPE1_DMA_UNMAP = StructLayout.builder("vfio_iommu_type1_dma_unmap")
            .u32("argsz").u32("flags").hint(HEX).u64("iova").hint(HEX).u64("size").hint(HEX)
            .build();

    /** {@code struct vfio_pci_dependent_device} (8 bytes). */
    public static final StructLayout VFIO_PCI_DEPENDENT_DEVICE = StructLayout.builder("vfio_pci_dependent_device")
            .u32("group_id").u16("segment").hint(HEX).u8("bus").hint(HEX).u8("devfn").hint(HEX)
            .build();

    /** {@code struct vfio_pci_hot_reset_info} (12 bytes + 8 per device). */
    public static final StructLayout VFIO_PCI_HOT_RESET_INFO = StructLayout.builder("vfio_pci_hot_reset_info")
            .u32("argsz").u32("flags").hint(HEX).u32("count")
            .flexibleArray("devices", VFIO_PCI_DEPENDENT_DEVICE)
            .build();

    /** {@code struct vfio_pci_hot_reset} (12 bytes + 4 per group fd). */
    public static final StructLayout VFIO_PCI_HOT_RESET = StructLayout.builder("vfio_pci_hot_reset")
            .u32("argsz").u32("flags").hint(HEX).u32("count").flexibleArray("group_fds", FieldType.S32)
            .build();

    /** {@code struct vfio_iommu_spapr_tce_info} (16 bytes). */
    public static final StructLayout VFIO_IOMMU_SPAPR_TCE_INFO = StructLayout.builder("vfio_iommu_spapr_tce_info")
            .u32("argsz").u32("flags").hint(HEX)
            .u32("dma32_window_start").hint(HEX).u32("dma32_window_size").hint(HEX)
            .build();

    private VfioStructs() {
    }
}
