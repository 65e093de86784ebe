package org.devmodel.core.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StructLayoutTest {

    @Test
    void fieldsAreNaturallyAlignedAndSizeIsPaddedToTheLargestAlignment() {
        StructLayout layout = StructLayout.builder("padded").u8("a").u64("b").u16("c").build();
        assertThat(layout.field("a").offset()).isZero();
        assertThat(layout.field("b").offset()).isEqualTo(8);
        assertThat(layout.field("c").offset()).isEqualTo(16);
        assertThat(layout.size()).isEqualTo(24);
        assertThat(layout.alignment()).isEqualTo(8);
    }

    @Test
    void smallFieldsPackWithoutPadding() {
        StructLayout layout = StructLayout.builder("vfio_pci_dependent_device")
                .u32("group_id").u16("segment").u8("bus").u8("devfn").build();
        assertThat(layout.size()).isEqualTo(8);
        assertThat(layout.field("segment").offset()).isEqualTo(4);
        assertThat(layout.field("bus").offset()).isEqualTo(6);
        assertThat(layout.field("devfn").offset()).isEqualTo(7);
        assertThat(StructLayout.builder("odd").u16("a").u8("b").build().size()).isEqualTo(4);
    }

    @Test
    void regionInfoMatchesTheKernel() {
        StructLayout layout = StructLayout.builder("vfio_region_info").u32("argsz").u32("flags")
                .u32("index").u32("resv").u64("size").hint(DisplayHint.HEX).u64("offset").build();
        assertThat(layout.size()).isEqualTo(32);
        assertThat(layout.field("size").offset()).isEqualTo(16);
        assertThat(layout.field("size").hint()).isEqualTo(DisplayHint.HEX);
        assertThat(layout.field("offset").offset()).isEqualTo(24);
        assertThat(layout.field("offset").hint()).isEqualTo(DisplayHint.DECIMAL);
        assertThat(layout.offsetofend("flags")).isEqualTo(8);
    }

    @Test
    void flexibleArrayDoesNotCountInSizeof() {
        StructLayout irqSet = StructLayout.builder("vfio_irq_set").u32("argsz").u32("flags").u32("index")
                .u32("start").u32("count").flexibleArray("data", FieldType.U8).build();
        assertThat(irqSet.size()).isEqualTo(20);
        assertThat(irqSet.flexibleArray()).get().extracting(FlexibleArray::offset).isEqualTo(20);
        assertThat(irqSet.sizeWith(3)).isEqualTo(23);
        assertThat(irqSet.withArrayElement(FieldType.S32).sizeWith(3)).isEqualTo(32);
    }

    @Test
    void flexibleArrayIsAlignedToItsElementAndRaisesTheStructAlignment() {
        StructLayout layout = StructLayout.builder("s").u32("a").u8("b").flexibleArray("d", FieldType.U64).build();
        assertThat(layout.flexibleArray()).get().extracting(FlexibleArray::offset).isEqualTo(8);
        assertThat(layout.size()).isEqualTo(8);
        assertThat(layout.alignment()).isEqualTo(8);

        StructLayout bytes = StructLayout.builder("t").u64("a").u8("b").flexibleArray("d", FieldType.U8).build();
        assertThat(bytes.flexibleArray()).get().extracting(FlexibleArray::offset).isEqualTo(9);
        assertThat(bytes.size()).isEqualTo(16);
        assertThat(bytes.sizeWith(10)).isEqualTo(19);
    }

    @Test
    void mistakesAreRefused() {
        assertThatThrownBy(() -> StructLayout.builder("s").u32("a").u32("a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("s: duplicate field a");
        assertThatThrownBy(() -> StructLayout.builder("s").u32("a").flexibleArray("d", FieldType.U8).u32("b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("s: b after the flexible array");
        assertThatThrownBy(() -> StructLayout.builder("s").build()).isInstanceOf(IllegalStateException.class);
        StructLayout plain = StructLayout.builder("s").u32("a").build();
        assertThatThrownBy(() -> plain.field("b")).hasMessage("s: no field b");
        assertThatThrownBy(() -> plain.sizeWith(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plain.withArrayElement(FieldType.U8)).isInstanceOf(IllegalStateException.class);
    }
}
