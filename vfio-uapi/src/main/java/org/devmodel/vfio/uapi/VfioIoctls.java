package org.devmodel.vfio.uapi;

import org.devmodel.ioctl.InSet;
import org.devmodel.ioctl.Ioctl;
import org.devmodel.ioctl.IoctlDescriptions;

/**
 * The numbers of {@code include/uapi/linux/vfio.h} (v3.14): the API version, the ioctls (all
 * {@code _IO(VFIO_TYPE, VFIO_BASE + n)}, so direction and size are 0 and the argument is a value
 * or a pointer the ioctl defines), the extensions, the flag bits and vfio-pci's indices.
 *
 * <p>Each number is {@code _IO(VFIO_TYPE, VFIO_BASE + n)} written out as the asm-generic encoding
 * does it for direction and size 0, {@code VFIO_TYPE << _IOC_TYPESHIFT | nr}, so that the numbers
 * are compile-time constants a driver can {@code switch} on; the tests check them against
 * {@link org.devmodel.core.mem.IoctlNumber#io}.
 *
 * <p>Numbers 12 and 13 are reused: on a device fd they are the PCI hot-reset pair, on a container
 * fd with type1 set they are {@code GET_INFO} and {@code MAP_DMA}, with sPAPR set 12 is
 * {@code SPAPR_TCE_GET_INFO}.
 */
@IoctlDescriptions
public final class VfioIoctls {
    /** {@code VFIO_API_VERSION}: what {@code VFIO_GET_API_VERSION} answers. */
    public static final int VFIO_API_VERSION = 0;
    /** {@code VFIO_TYPE}: the ioctl type byte, {@code ';'}. */
    public static final int VFIO_TYPE = ';';
    /** {@code VFIO_BASE}: the first ioctl number. */
    public static final int VFIO_BASE = 100;

    // ---- container (/dev/vfio/vfio) ----
    /** {@code VFIO_GET_API_VERSION} (0x3B64): no argument; answers {@link #VFIO_API_VERSION}. */
    @Ioctl(file = "container", arg = "none")
    public static final int VFIO_GET_API_VERSION = (VFIO_TYPE << 8) | (VFIO_BASE + 0);
    /** {@code VFIO_CHECK_EXTENSION} (0x3B65): the extension by value; answers above 0 when supported. */
    @Ioctl(file = "container", arg = "int values=VFIO_EXTENSIONS")
    public static final int VFIO_CHECK_EXTENSION = (VFIO_TYPE << 8) | (VFIO_BASE + 1);
    /** {@code VFIO_SET_IOMMU} (0x3B66): the IOMMU type by value. */
    @Ioctl(file = "container", arg = "int values=VFIO_EXTENSIONS")
    public static final int VFIO_SET_IOMMU = (VFIO_TYPE << 8) | (VFIO_BASE + 2);

    // ---- group (/dev/vfio/<group>) ----
    /** {@code VFIO_GROUP_GET_STATUS} (0x3B67): {@code struct vfio_group_status *}. */
    @Ioctl(file = "group", arg = "struct vfio_group_status")
    public static final int VFIO_GROUP_GET_STATUS = (VFIO_TYPE << 8) | (VFIO_BASE + 3);
    /** {@code VFIO_GROUP_SET_CONTAINER} (0x3B68): {@code int *}, the container fd. */
    @Ioctl(file = "group", arg = "int*")
    public static final int VFIO_GROUP_SET_CONTAINER = (VFIO_TYPE << 8) | (VFIO_BASE + 4);
    /** {@code VFIO_GROUP_UNSET_CONTAINER} (0x3B69): no argument. */
    @Ioctl(file = "group", arg = "none")
    public static final int VFIO_GROUP_UNSET_CONTAINER = (VFIO_TYPE << 8) | (VFIO_BASE + 5);
    /** {@code VFIO_GROUP_GET_DEVICE_FD} (0x3B6A): {@code char *}, the device name; answers a new fd. */
    @Ioctl(file = "group", arg = "string")
    public static final int VFIO_GROUP_GET_DEVICE_FD = (VFIO_TYPE << 8) | (VFIO_BASE + 6);

    // ---- device fd ----
    /** {@code VFIO_DEVICE_GET_INFO} (0x3B6B): {@code struct vfio_device_info *}. */
    @Ioctl(file = "device", arg = "struct vfio_device_info")
    public static final int VFIO_DEVICE_GET_INFO = (VFIO_TYPE << 8) | (VFIO_BASE + 7);
    /** {@code VFIO_DEVICE_GET_REGION_INFO} (0x3B6C): {@code struct vfio_region_info *}. */
    @Ioctl(file = "device", arg = "struct vfio_region_info")
    public static final int VFIO_DEVICE_GET_REGION_INFO = (VFIO_TYPE << 8) | (VFIO_BASE + 8);
    /** {@code VFIO_DEVICE_GET_IRQ_INFO} (0x3B6D): {@code struct vfio_irq_info *}. */
    @Ioctl(file = "device", arg = "struct vfio_irq_info")
    public static final int VFIO_DEVICE_GET_IRQ_INFO = (VFIO_TYPE << 8) | (VFIO_BASE + 9);
    /** {@code VFIO_DEVICE_SET_IRQS} (0x3B6E): {@code struct vfio_irq_set *}. */
    @Ioctl(file = "device", arg = "struct vfio_irq_set array=VFIO_IRQ_SET_DATA_NONE:none,"
            + "VFIO_IRQ_SET_DATA_BOOL:u8,VFIO_IRQ_SET_DATA_EVENTFD:s32")
    public static final int VFIO_DEVICE_SET_IRQS = (VFIO_TYPE << 8) | (VFIO_BASE + 10);
    /** {@code VFIO_DEVICE_RESET} (0x3B6F): no argument. */
    @Ioctl(file = "device", arg = "none")
    public static final int VFIO_DEVICE_RESET = (VFIO_TYPE << 8) | (VFIO_BASE + 11);
    /** {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO} (0x3B70, vfio-pci): {@code struct vfio_pci_hot_reset_info *}. */
    @Ioctl(file = "device", arg = "struct vfio_pci_hot_reset_info")
    public static final int VFIO_DEVICE_GET_PCI_HOT_RESET_INFO = (VFIO_TYPE << 8) | (VFIO_BASE + 12);
    /** {@code VFIO_DEVICE_PCI_HOT_RESET} (0x3B71, vfio-pci): {@code struct vfio_pci_hot_reset *}. */
    @Ioctl(file = "device", arg = "struct vfio_pci_hot_reset")
    public static final int VFIO_DEVICE_PCI_HOT_RESET = (VFIO_TYPE << 8) | (VFIO_BASE + 13);

    // ---- container with an IOMMU backend set ----
    /** {@code VFIO_IOMMU_GET_INFO} (0x3B70, type1): {@code struct vfio_iommu_type1_info *}. */
    @Ioctl(file = "container", arg = "struct vfio_iommu_type1_info")
    public static final int VFIO_IOMMU_GET_INFO = (VFIO_TYPE << 8) | (VFIO_BASE + 12);
    /** {@code VFIO_IOMMU_MAP_DMA} (0x3B71, type1): {@code struct vfio_iommu_type1_dma_map *}. */
    @Ioctl(file = "container", arg = "struct vfio_iommu_type1_dma_map")
    public static final int VFIO_IOMMU_MAP_DMA = (VFIO_TYPE << 8) | (VFIO_BASE + 13);
    /** {@code VFIO_IOMMU_UNMAP_DMA} (0x3B72, type1): {@code struct vfio_iommu_type1_dma_unmap *}. */
    @Ioctl(file = "container", arg = "struct vfio_iommu_type1_dma_unmap")
    public static final int VFIO_IOMMU_UNMAP_DMA = (VFIO_TYPE << 8) | (VFIO_BASE + 14);
    /** {@code VFIO_IOMMU_ENABLE} (0x3B73, sPAPR): no argument. */
    @Ioctl(file = "spapr-container", arg = "none")
    public static final int VFIO_IOMMU_ENABLE = (VFIO_TYPE << 8) | (VFIO_BASE + 15);
    /** {@code VFIO_IOMMU_DISABLE} (0x3B74, sPAPR): no argument. */
    @Ioctl(file = "spapr-container", arg = "none")
    public static final int VFIO_IOMMU_DISABLE = (VFIO_TYPE << 8) | (VFIO_BASE + 16);
    /** {@code VFIO_IOMMU_SPAPR_TCE_GET_INFO} (0x3B70, sPAPR): {@code struct vfio_iommu_spapr_tce_info *}. */
    @Ioctl(file = "spapr-container", arg = "struct vfio_iommu_spapr_tce_info")
    public static final int VFIO_IOMMU_SPAPR_TCE_GET_INFO = (VFIO_TYPE << 8) | (VFIO_BASE + 12);

    // ---- extensions and IOMMU types (v3.14 defines only these two) ----
    /** {@code VFIO_TYPE1_IOMMU}: the x86 type1 backend. */
    @InSet("VFIO_EXTENSIONS")
    public static final int VFIO_TYPE1_IOMMU = 1;
    /** {@code VFIO_SPAPR_TCE_IOMMU}: the POWER TCE backend. */
    @InSet("VFIO_EXTENSIONS")
    public static final int VFIO_SPAPR_TCE_IOMMU = 2;

    // ---- flag bits ----
    /** {@code VFIO_GROUP_FLAGS_VIABLE}: every device of the group may be used. */
    @InSet("VFIO_GROUP_FLAGS")
    public static final int VFIO_GROUP_FLAGS_VIABLE = 1 << 0;
    /** {@code VFIO_GROUP_FLAGS_CONTAINER_SET}: the group is in a container. */
    @InSet("VFIO_GROUP_FLAGS")
    public static final int VFIO_GROUP_FLAGS_CONTAINER_SET = 1 << 1;
    /** {@code VFIO_DEVICE_FLAGS_RESET}: the device supports {@code VFIO_DEVICE_RESET}. */
    @InSet("VFIO_DEVICE_FLAGS")
    public static final int VFIO_DEVICE_FLAGS_RESET = 1 << 0;
    /** {@code VFIO_DEVICE_FLAGS_PCI}: a vfio-pci device. */
    @InSet("VFIO_DEVICE_FLAGS")
    public static final int VFIO_DEVICE_FLAGS_PCI = 1 << 1;
    /** {@code VFIO_REGION_INFO_FLAG_READ}. */
    @InSet("VFIO_REGION_INFO_FLAGS")
    public static final int VFIO_REGION_INFO_FLAG_READ = 1 << 0;
    /** {@code VFIO_REGION_INFO_FLAG_WRITE}. */
    @InSet("VFIO_REGION_INFO_FLAGS")
    public static final int VFIO_REGION_INFO_FLAG_WRITE = 1 << 1;
    /** {@code VFIO_REGION_INFO_FLAG_MMAP}. */
    @InSet("VFIO_REGION_INFO_FLAGS")
    public static final int VFIO_REGION_INFO_FLAG_MMAP = 1 << 2;
    /** {@code VFIO_IRQ_INFO_EVENTFD}. */
    @InSet("VFIO_IRQ_INFO_FLAGS")
    public static final int VFIO_IRQ_INFO_EVENTFD = 1 << 0;
    /** {@code VFIO_IRQ_INFO_MASKABLE}. */
    @InSet("VFIO_IRQ_INFO_FLAGS")
    public static final int VFIO_IRQ_INFO_MASKABLE = 1 << 1;
    /** {@code VFIO_IRQ_INFO_AUTOMASKED}. */
    @InSet("VFIO_IRQ_INFO_FLAGS")
    public static final int VFIO_IRQ_INFO_AUTOMASKED = 1 << 2;
    /** {@code VFIO_IRQ_INFO_NORESIZE}. */
    @InSet("VFIO_IRQ_INFO_FLAGS")
    public static final int VFIO_IRQ_INFO_NORESIZE = 1 << 3;
    /** {@code VFIO_IRQ_SET_DATA_NONE}: no data. */
    @InSet("VFIO_IRQ_SET_FLAGS")
    public static final int VFIO_IRQ_SET_DATA_NONE = 1 << 0;
    /** {@code VFIO_IRQ_SET_DATA_BOOL}: {@code data[]} holds u8 booleans. */
    @InSet("VFIO_IRQ_SET_FLAGS")
    public static final int VFIO_IRQ_SET_DATA_BOOL = 1 << 1;
    /** {@code VFIO_IRQ_SET_DATA_EVENTFD}: {@code data[]} holds s32 eventfds. */
    @InSet("VFIO_IRQ_SET_FLAGS")
    public static final int VFIO_IRQ_SET_DATA_EVENTFD = 1 << 2;
    /** {@code VFIO_IRQ_SET_ACTION_MASK}. */
    @InSet("VFIO_IRQ_SET_FLAGS")
    public static final int VFIO_IRQ_SET_ACTION_MASK = 1 << 3;
    /** {@code VFIO_IRQ_SET_ACTION_UNMASK}. */
    @InSet("VFIO_IRQ_SET_FLAGS")
    public static final int VFIO_IRQ_SET_ACTION_UNMASK = 1 << 4;
    /** {@code VFIO_IRQ_SET_ACTION_TRIGGER}. */
    @InSet("VFIO_IRQ_SET_FLAGS")
    public static final int VFIO_IRQ_SET_ACTION_TRIGGER = 1 << 5;
    /** {@code VFIO_IRQ_SET_DATA_TYPE_MASK}. */
    @InSet("VFIO_IRQ_SET_FLAGS")
    public static final int VFIO_IRQ_SET_DATA_TYPE_MASK = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_DATA_BOOL
            | VFIO_IRQ_SET_DATA_EVENTFD;
    /** {@code VFIO_IRQ_SET_ACTION_TYPE_MASK}. */
    @InSet("VFIO_IRQ_SET_FLAGS")
    public static final int VFIO_IRQ_SET_ACTION_TYPE_MASK = VFIO_IRQ_SET_ACTION_MASK | VFIO_IRQ_SET_ACTION_UNMASK
            | VFIO_IRQ_SET_ACTION_TRIGGER;
    /** {@code VFIO_IOMMU_INFO_PGSIZES}: {@code iova_pgsizes} is valid. */
    @InSet("VFIO_IOMMU_INFO_FLAGS")
    public static final int VFIO_IOMMU_INFO_PGSIZES = 1 << 0;
    /** {@code VFIO_DMA_MAP_FLAG_READ}: the device may read the mapping. */
    @InSet("VFIO_DMA_MAP_FLAGS")
    public static final int VFIO_DMA_MAP_FLAG_READ = 1 << 0;
    /** {@code VFIO_DMA_MAP_FLAG_WRITE}: the device may write the mapping. */
    @InSet("VFIO_DMA_MAP_FLAGS")
    public static final int VFIO_DMA_MAP_FLAG_WRITE = 1 << 1;

    // ---- vfio-pci indices ----
    /** {@code VFIO_PCI_BAR0_REGION_INDEX}; BAR n is {@code BAR0 + n}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_BAR0_REGION_INDEX = 0;
    /** {@code VFIO_PCI_BAR1_REGION_INDEX}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_BAR1_REGION_INDEX = 1;
    /** {@code VFIO_PCI_BAR2_REGION_INDEX}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_BAR2_REGION_INDEX = 2;
    /** {@code VFIO_PCI_BAR3_REGION_INDEX}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_BAR3_REGION_INDEX = 3;
    /** {@code VFIO_PCI_BAR4_REGION_INDEX}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_BAR4_REGION_INDEX = 4;
    /** {@code VFIO_PCI_BAR5_REGION_INDEX}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_BAR5_REGION_INDEX = 5;
    /** {@code VFIO_PCI_ROM_REGION_INDEX}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_ROM_REGION_INDEX = 6;
    /** {@code VFIO_PCI_CONFIG_REGION_INDEX}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_CONFIG_REGION_INDEX = 7;
    /** {@code VFIO_PCI_VGA_REGION_INDEX}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_VGA_REGION_INDEX = 8;
    /** {@code VFIO_PCI_NUM_REGIONS}. */
    @InSet("VFIO_PCI_REGION_INDEX")
    public static final int VFIO_PCI_NUM_REGIONS = 9;
    /** {@code VFIO_PCI_INTX_IRQ_INDEX}. */
    @InSet("VFIO_PCI_IRQ_INDEX")
    public static final int VFIO_PCI_INTX_IRQ_INDEX = 0;
    /** {@code VFIO_PCI_MSI_IRQ_INDEX}. */
    @InSet("VFIO_PCI_IRQ_INDEX")
    public static final int VFIO_PCI_MSI_IRQ_INDEX = 1;
    /** {@code VFIO_PCI_MSIX_IRQ_INDEX}. */
    @InSet("VFIO_PCI_IRQ_INDEX")
    public static final int VFIO_PCI_MSIX_IRQ_INDEX = 2;
    /** {@code VFIO_PCI_ERR_IRQ_INDEX}. */
    @InSet("VFIO_PCI_IRQ_INDEX")
    public static final int VFIO_PCI_ERR_IRQ_INDEX = 3;
    /** {@code VFIO_PCI_NUM_IRQS}. */
    @InSet("VFIO_PCI_IRQ_INDEX")
    public static final int VFIO_PCI_NUM_IRQS = 4;

    private VfioIoctls() {
    }
}
