package org.devmodel.ioctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.devmodel.core.mem.DisplayHint;
import org.devmodel.core.mem.FieldType;
import org.devmodel.core.mem.FlexibleArray;
import org.devmodel.core.mem.StructField;
import org.devmodel.core.mem.StructLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The VFIO table of kernel-facts.md section 6; expected values are copied from that section. */
class VfioIoctlTableTest {
    private static IoctlTable table;

    @BeforeAll
    static void parseTable() throws IOException {
        table = readVfioTable();
    }

    static IoctlTable readVfioTable() throws IOException {
        try (InputStream in = VfioIoctlTableTest.class.getResourceAsStream("vfio.ioctls");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return IoctlTable.parse(reader, "vfio.ioctls");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "VFIO_GET_API_VERSION, 0x3B64, container, NONE",
        "VFIO_CHECK_EXTENSION, 0x3B65, container, INT",
        "VFIO_SET_IOMMU, 0x3B66, container, INT",
        "VFIO_GROUP_GET_STATUS, 0x3B67, group, STRUCT",
        "VFIO_GROUP_SET_CONTAINER, 0x3B68, group, INT_POINTER",
        "VFIO_GROUP_UNSET_CONTAINER, 0x3B69, group, NONE",
        "VFIO_GROUP_GET_DEVICE_FD, 0x3B6A, group, STRING",
        "VFIO_DEVICE_GET_INFO, 0x3B6B, device, STRUCT",
        "VFIO_DEVICE_GET_REGION_INFO, 0x3B6C, device, STRUCT",
        "VFIO_DEVICE_GET_IRQ_INFO, 0x3B6D, device, STRUCT",
        "VFIO_DEVICE_SET_IRQS, 0x3B6E, device, STRUCT",
        "VFIO_DEVICE_RESET, 0x3B6F, device, NONE",
        "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, 0x3B70, device, STRUCT",
        "VFIO_DEVICE_PCI_HOT_RESET, 0x3B71, device, STRUCT",
        "VFIO_IOMMU_GET_INFO, 0x3B70, container, STRUCT",
        "VFIO_IOMMU_MAP_DMA, 0x3B71, container, STRUCT",
        "VFIO_IOMMU_UNMAP_DMA, 0x3B72, container, STRUCT",
        "VFIO_IOMMU_ENABLE, 0x3B73, spapr-container, NONE",
        "VFIO_IOMMU_DISABLE, 0x3B74, spapr-container, NONE",
        "VFIO_IOMMU_SPAPR_TCE_GET_INFO, 0x3B70, spapr-container, STRUCT",
    })
    void everyIoctlHasItsNumberFileKindAndArgument(String name, String number, String kind, ArgKind arg) {
        IoctlDescription ioctl = table.ioctl(name).orElseThrow();
        assertThat(ioctl.number()).isEqualTo(Integer.decode(number));
        assertThat(ioctl.fileKind()).isEqualTo(kind);
        assertThat(ioctl.argKind()).isEqualTo(arg);
        assertThat(table.ioctl(ioctl.number(), kind)).contains(ioctl);
    }

    @Test
    void tableHoldsExactlyTheTwentyIoctls() {
        assertThat(table.ioctls()).hasSize(20);
    }

    @Test
    void reusedNumbersDependOnTheFileKind() {
        assertThat(table.ioctl(0x3B70, "device")).map(IoctlDescription::name)
                .contains("VFIO_DEVICE_GET_PCI_HOT_RESET_INFO");
        assertThat(table.ioctl(0x3B70, "container")).map(IoctlDescription::name).contains("VFIO_IOMMU_GET_INFO");
        assertThat(table.ioctl(0x3B71, "container")).map(IoctlDescription::name).contains("VFIO_IOMMU_MAP_DMA");
        assertThat(table.ioctl(0x3B64, "group")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "vfio_group_status | 8 | argsz u32 0; flags u32 4",
        "vfio_device_info | 16 | argsz u32 0; flags u32 4; num_regions u32 8; num_irqs u32 12",
        "vfio_region_info | 32 | argsz u32 0; flags u32 4; index u32 8; resv u32 12; size u64 16; offset u64 24",
        "vfio_irq_info | 16 | argsz u32 0; flags u32 4; index u32 8; count u32 12",
        "vfio_irq_set | 20 | argsz u32 0; flags u32 4; index u32 8; start u32 12; count u32 16",
        "vfio_iommu_type1_info | 16 | argsz u32 0; flags u32 4; iova_pgsizes u64 8",
        "vfio_iommu_type1_dma_map | 32 | argsz u32 0; flags u32 4; vaddr u64 8; iova u64 16; size u64 24",
        "vfio_iommu_type1_dma_unmap | 24 | argsz u32 0; flags u32 4; iova u64 8; size u64 16",
        "vfio_pci_dependent_device | 8 | group_id u32 0; segment u16 4; bus u8 6; devfn u8 7",
        "vfio_pci_hot_reset_info | 12 | argsz u32 0; flags u32 4; count u32 8",
        "vfio_pci_hot_reset | 12 | argsz u32 0; flags u32 4; count u32 8",
        "vfio_iommu_spapr_tce_info | 16 | argsz u32 0; flags u32 4; dma32_window_start u32 8; "
                + "dma32_window_size u32 12",
    })
    void everyStructHasTheKernelSizeAndOffsets(String name, int size, String fields) {
        StructLayout layout = table.layout(name).orElseThrow();
        assertThat(layout.size()).isEqualTo(size);
        List<String> actual = layout.fields().stream()
                .map(f -> f.name() + " " + f.type().cName() + " " + f.offset()).toList();
        assertThat(actual).containsExactly(fields.split("; "));
    }

    @Test
    void flexibleArraysFollowTheFixedPart() {
        assertThat(array("vfio_irq_set")).isEqualTo(new FlexibleArray("data", FieldType.U8, 20));
        assertThat(array("vfio_pci_hot_reset")).isEqualTo(new FlexibleArray("group_fds", FieldType.S32, 12));
        FlexibleArray devices = array("vfio_pci_hot_reset_info");
        assertThat(devices.offset()).isEqualTo(12);
        assertThat(devices.element()).isSameAs(table.layout("vfio_pci_dependent_device").orElseThrow());
        assertThat(table.layout("vfio_pci_hot_reset_info").orElseThrow().sizeWith(2)).isEqualTo(12 + 2 * 8);
        assertThat(table.layout("vfio_pci_hot_reset").orElseThrow().sizeWith(3)).isEqualTo(12 + 3 * 4);
    }

    @Test
    void setIrqsDataTypeFollowsTheFlags() {
        IoctlDescription setIrqs = table.ioctl("VFIO_DEVICE_SET_IRQS").orElseThrow();
        long eventfdTrigger = const_("VFIO_IRQ_SET_DATA_EVENTFD") | const_("VFIO_IRQ_SET_ACTION_TRIGGER");
        assertThat(setIrqs.arrayVariant(eventfdTrigger)).get()
                .extracting(ArrayVariant::element).isEqualTo(Optional.of(FieldType.S32));
        assertThat(setIrqs.arrayVariant(const_("VFIO_IRQ_SET_DATA_BOOL"))).get()
                .extracting(ArrayVariant::element).isEqualTo(Optional.of(FieldType.U8));
        assertThat(setIrqs.arrayVariant(const_("VFIO_IRQ_SET_DATA_NONE"))).get()
                .extracting(ArrayVariant::element).isEqualTo(Optional.empty());
        assertThat(setIrqs.arrayVariant(const_("VFIO_IRQ_SET_ACTION_MASK"))).isEmpty();
    }

    @Test
    void constantsAndFlagsHaveTheirValues() {
        assertThat(const_("VFIO_API_VERSION")).isZero();
        assertThat(const_("VFIO_TYPE")).isEqualTo(0x3B);
        assertThat(const_("VFIO_BASE")).isEqualTo(100);
        assertThat(const_("VFIO_TYPE1_IOMMU")).isEqualTo(1);
        assertThat(const_("VFIO_SPAPR_TCE_IOMMU")).isEqualTo(2);
        assertThat(const_("VFIO_UPDATE_VADDR")).isEqualTo(10);
        assertThat(const_("VFIO_GROUP_FLAGS_CONTAINER_SET")).isEqualTo(2);
        assertThat(const_("VFIO_DEVICE_FLAGS_PCI")).isEqualTo(2);
        assertThat(const_("VFIO_REGION_INFO_FLAG_MMAP")).isEqualTo(4);
        assertThat(const_("VFIO_IRQ_INFO_NORESIZE")).isEqualTo(8);
        assertThat(const_("VFIO_IRQ_SET_ACTION_TRIGGER")).isEqualTo(32);
        assertThat(const_("VFIO_IRQ_SET_DATA_TYPE_MASK")).isEqualTo(0x07);
        assertThat(const_("VFIO_IRQ_SET_ACTION_TYPE_MASK")).isEqualTo(0x38);
        assertThat(const_("VFIO_IOMMU_INFO_PGSIZES")).isEqualTo(1);
        assertThat(const_("VFIO_DMA_MAP_FLAG_WRITE")).isEqualTo(2);
        assertThat(const_("VFIO_PCI_CONFIG_REGION_INDEX")).isEqualTo(7);
        assertThat(const_("VFIO_PCI_NUM_IRQS")).isEqualTo(4);
    }

    @Test
    void hintsNameTheirFlagSets() {
        StructField flags = table.layout("vfio_group_status").orElseThrow().field("flags");
        assertThat(flags.hint()).isEqualTo(DisplayHint.flags("VFIO_GROUP_FLAGS"));
        ConstantSet set = table.constantSet("VFIO_GROUP_FLAGS").orElseThrow();
        assertThat(set.formatFlags(3)).isEqualTo("VFIO_GROUP_FLAGS_VIABLE|VFIO_GROUP_FLAGS_CONTAINER_SET");
        assertThat(table.constantSet("VFIO_IRQ_SET_FLAGS").orElseThrow().formatFlags(0x24))
                .isEqualTo("VFIO_IRQ_SET_DATA_EVENTFD|VFIO_IRQ_SET_ACTION_TRIGGER");
        assertThat(table.layout("vfio_iommu_type1_dma_map").orElseThrow().field("iova").hint())
                .isEqualTo(DisplayHint.HEX);
    }

    @Test
    void checkExtensionNamesItsValues() {
        IoctlDescription check = table.ioctl("VFIO_CHECK_EXTENSION").orElseThrow();
        assertThat(check.valueSet()).contains("VFIO_EXTENSIONS");
        assertThat(table.constantSet("VFIO_EXTENSIONS").orElseThrow().nameOf(1)).contains("VFIO_TYPE1_IOMMU");
    }

    private static FlexibleArray array(String struct) {
        return table.layout(struct).orElseThrow().flexibleArray().orElseThrow();
    }

    private static long const_(String name) {
        return table.constant(name).orElseThrow().value();
    }
}
