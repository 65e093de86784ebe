package org.devmodel.vfio.uapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.devmodel.core.mem.FlexibleArray;
import org.devmodel.core.mem.IoctlNumber;
import org.devmodel.core.mem.StructField;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.ioctl.Constant;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The UAPI against the values kernel-facts.md section 6 took from the compiled v3.14 header, and against the shipped descriptions. */
class VfioUapiTest {
    private static IoctlTable table;

    @BeforeAll
    static void readShippedDescriptions() throws IOException {
        try (InputStream in = VfioIoctls.class.getModule().getResourceAsStream(IoctlTable.RESOURCE)) {
            assertThat(in).as(IoctlTable.RESOURCE).isNotNull();
            table = IoctlTable.parse(new InputStreamReader(in, StandardCharsets.UTF_8), IoctlTable.RESOURCE);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "VFIO_GET_API_VERSION, 3B64", "VFIO_CHECK_EXTENSION, 3B65", "VFIO_SET_IOMMU, 3B66",
        "VFIO_GROUP_GET_STATUS, 3B67", "VFIO_GROUP_SET_CONTAINER, 3B68", "VFIO_GROUP_UNSET_CONTAINER, 3B69",
        "VFIO_GROUP_GET_DEVICE_FD, 3B6A", "VFIO_DEVICE_GET_INFO, 3B6B", "VFIO_DEVICE_GET_REGION_INFO, 3B6C",
        "VFIO_DEVICE_GET_IRQ_INFO, 3B6D", "VFIO_DEVICE_SET_IRQS, 3B6E", "VFIO_DEVICE_RESET, 3B6F",
        "VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, 3B70", "VFIO_DEVICE_PCI_HOT_RESET, 3B71",
        "VFIO_IOMMU_GET_INFO, 3B70", "VFIO_IOMMU_MAP_DMA, 3B71", "VFIO_IOMMU_UNMAP_DMA, 3B72",
        "VFIO_IOMMU_ENABLE, 3B73", "VFIO_IOMMU_DISABLE, 3B74", "VFIO_IOMMU_SPAPR_TCE_GET_INFO, 3B70"})
    void everyIoctlHasTheValueOfTheCompiledHeader(String name, String hex) {
        assertThat(intConstants()).containsEntry(name, Integer.parseInt(hex, 16));
    }

    @Test
    void everyIoctlIsTheIoEncodingOfItsNumber() {
        intConstants().entrySet().stream().filter(e -> table.ioctl(e.getKey()).isPresent()).forEach(e ->
                assertThat(e.getValue()).as(e.getKey())
                        .isEqualTo(IoctlNumber.io(VfioIoctls.VFIO_TYPE, IoctlNumber.nr(e.getValue()))));
        assertThat(IoctlNumber.nr(VfioIoctls.VFIO_IOMMU_DISABLE)).isEqualTo(VfioIoctls.VFIO_BASE + 16);
    }

    @ParameterizedTest
    @CsvSource({
        "vfio_group_status, 8, flags, 4", "vfio_device_info, 16, num_irqs, 12",
        "vfio_region_info, 32, offset, 24", "vfio_irq_info, 16, count, 12", "vfio_irq_set, 20, count, 16",
        "vfio_iommu_type1_info, 16, iova_pgsizes, 8", "vfio_iommu_type1_dma_map, 32, size, 24",
        "vfio_iommu_type1_dma_unmap, 24, size, 16", "vfio_pci_dependent_device, 8, devfn, 7",
        "vfio_pci_hot_reset_info, 12, count, 8", "vfio_pci_hot_reset, 12, count, 8",
        "vfio_iommu_spapr_tce_info, 16, dma32_window_size, 12"})
    void everyStructHasTheSizeAndLastOffsetOfTheCompiledHeader(String name, int size, String last, int offset) {
        StructLayout layout = layouts().get(name);
        assertThat(layout.size()).isEqualTo(size);
        assertThat(layout.field(last).offset()).isEqualTo(offset);
    }

    @Test
    void theFlexibleArraysStartWhereTheHeaderPutsThem() {
        assertThat(VfioStructs.VFIO_IRQ_SET.flexibleArray().map(FlexibleArray::offset)).contains(20);
        assertThat(VfioStructs.VFIO_PCI_HOT_RESET_INFO.sizeWith(2)).isEqualTo(12 + 2 * 8);
        assertThat(VfioStructs.VFIO_PCI_HOT_RESET.sizeWith(3)).isEqualTo(12 + 3 * 4);
    }

    @Test
    void theJavaConstantsAndTheShippedDescriptionsAgreeBothWays() {
        Map<String, Long> shipped = new LinkedHashMap<>();
        table.constants().forEach(c -> shipped.put(c.name(), c.value()));
        table.ioctls().forEach(i -> shipped.put(i.name(), Integer.toUnsignedLong(i.number())));
        Map<String, Long> java = new LinkedHashMap<>();
        intConstants().forEach((name, value) -> java.put(name, (long) value));

        assertThat(java).isEqualTo(shipped);
    }

    @Test
    void theJavaLayoutsAndTheShippedStructsAgreeBothWays() {
        Map<String, StructLayout> java = layouts();
        assertThat(java.keySet()).containsExactlyInAnyOrderElementsOf(
                table.layouts().stream().map(StructLayout::name).toList());
        for (StructLayout shipped : table.layouts()) {
            StructLayout ours = java.get(shipped.name());
            assertThat(ours.fields()).as(shipped.name()).isEqualTo(shipped.fields());
            assertThat(ours.size()).as(shipped.name()).isEqualTo(shipped.size());
            assertThat(ours.flexibleArray().map(VfioUapiTest::describe))
                    .as(shipped.name()).isEqualTo(shipped.flexibleArray().map(VfioUapiTest::describe));
        }
    }

    @Test
    void theShippedIoctlsNameTheirStructs() {
        assertThat(table.ioctl("VFIO_GROUP_GET_STATUS").map(IoctlDescription::fileKind)).contains("group");
        assertThat(table.ioctl(VfioIoctls.VFIO_IOMMU_MAP_DMA, "container").map(IoctlDescription::name))
                .contains("VFIO_IOMMU_MAP_DMA");
        assertThat(table.ioctl(VfioIoctls.VFIO_DEVICE_PCI_HOT_RESET, "device").map(IoctlDescription::name))
                .contains("VFIO_DEVICE_PCI_HOT_RESET");
        assertThat(table.constant("VFIO_TYPE1_IOMMU").map(Constant::value)).contains(1L);
    }

    private static String describe(FlexibleArray array) {
        return array.name() + "@" + array.offset() + ":" + array.element().size();
    }

    private static Map<String, Integer> intConstants() {
        Map<String, Integer> constants = new LinkedHashMap<>();
        for (Field field : publicConstants(VfioIoctls.class).filter(f -> f.getType() == int.class).toList()) {
            constants.put(field.getName(), (Integer) read(field));
        }
        return constants;
    }

    private static Map<String, StructLayout> layouts() {
        Map<String, StructLayout> layouts = new LinkedHashMap<>();
        publicConstants(VfioStructs.class).filter(f -> f.getType() == StructLayout.class)
                .map(f -> (StructLayout) read(f)).forEach(l -> layouts.put(l.name(), l));
        return layouts;
    }

    private static Stream<Field> publicConstants(Class<?> holder) {
        return Stream.of(holder.getDeclaredFields())
                .filter(f -> Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()));
    }

    private static Object read(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }
}
