package org.devmodel.core.mem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.Test;

class StructValueTest {
    private static final StructLayout DEVICE = StructLayout.builder("vfio_pci_dependent_device")
            .u32("group_id").u16("segment").u8("bus").u8("devfn").build();
    private static final StructLayout HOT_RESET_INFO = StructLayout.builder("vfio_pci_hot_reset_info")
            .u32("argsz").u32("flags").u32("count").flexibleArray("devices", DEVICE).build();
    private static final StructLayout MIXED = StructLayout.builder("mixed")
            .s32("fd").u32("flags").hint(DisplayHint.HEX).u64("iova").s64("delta").build();

    private final AddressSpace space = new AddressSpace();

    @Test
    void fieldsAreLittleEndianAtTheirOffsets() {
        StructValue value = StructValue.of(MIXED).set("fd", -1).set("flags", 0xA0B0C0D0L).set("iova", 1L << 40);
        byte[] bytes = value.toBytes();
        assertThat(bytes).hasSize(24);
        assertThat(bytes[0]).isEqualTo((byte) 0xff);
        assertThat(bytes[4]).isEqualTo((byte) 0xD0);
        assertThat(bytes[7]).isEqualTo((byte) 0xA0);
        assertThat(bytes[13]).isEqualTo((byte) 1);
        assertThat(value.get("fd")).isEqualTo(-1);
        assertThat(value.get("flags")).isEqualTo(0xA0B0C0D0L);
        assertThat(value).hasToString("mixed{fd=-1, flags=0xa0b0c0d0, iova=1099511627776, delta=0}");
    }

    @Test
    void valuesThatDoNotFitAreRefused() {
        StructValue value = StructValue.of(MIXED);
        assertThatThrownBy(() -> value.set("flags", -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("mixed.flags: -1 does not fit u32");
        assertThatThrownBy(() -> value.set("fd", 1L << 31)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> value.get("nope")).isInstanceOf(IllegalArgumentException.class);
        value.set("iova", -1L);
        assertThat(value.get("iova")).isEqualTo(-1L);
    }

    @Test
    void roundTripsThroughUserMemory() throws KernelException {
        long arg = space.mmap(4096);
        StructValue.of(MIXED).set("fd", 7).set("delta", -5).copyToUser(space, arg);
        StructValue read = StructValue.copyFromUser(space, arg, MIXED);
        assertThat(read.get("fd")).isEqualTo(7);
        assertThat(read.get("delta")).isEqualTo(-5);
    }

    @Test
    void badPointersFault() throws KernelException {
        long arg = space.mmap(4096);
        long tooHigh = arg + 4096 - 8;
        assertThatThrownBy(() -> StructValue.copyFromUser(space, tooHigh, MIXED))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EFAULT));
        assertThatThrownBy(() -> StructValue.of(MIXED).copyToUser(space, tooHigh))
                .isInstanceOf(KernelException.class);
        assertThat(space.residentPages()).isZero();
    }

    @Test
    void prefixCopiesOnlyMinszAndPartialCopyOutWritesOnlyN() throws KernelException {
        long arg = space.mmap(4096) + 4096 - 8;
        space.copyToUser(arg, new byte[] {24, 0, 0, 0, 3, 0, 0, 0});
        StructValue info = StructValue.copyPrefixFromUser(space, arg, MIXED, MIXED.offsetofend("flags"));
        assertThat(info.get("fd")).isEqualTo(24);
        assertThat(info.get("flags")).isEqualTo(3);
        info.set("flags", 9).copyToUser(space, arg, 8);
        assertThat(space.load(arg + 4, 4)).isEqualTo(9);
        assertThatThrownBy(() -> info.copyToUser(space, arg, 25)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scalarArrayElements() throws KernelException {
        StructLayout fds = StructLayout.builder("vfio_pci_hot_reset").u32("argsz").u32("flags").u32("count")
                .flexibleArray("group_fds", FieldType.S32).build();
        long arg = space.mmap(4096);
        StructValue.of(fds, 2).set("count", 2).setElement(0, 5).setElement(1, -1).copyToUser(space, arg);
        StructValue read = StructValue.copyFromUser(space, arg, fds, 2);
        assertThat(read.elementCount()).isEqualTo(2);
        assertThat(read.getElement(0)).isEqualTo(5);
        assertThat(read.getElement(1)).isEqualTo(-1);
        assertThat(space.load(arg + 16, 4)).isEqualTo(0xffffffffL);
        assertThatThrownBy(() -> read.getElement(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void structArrayElements() {
        StructValue device = StructValue.of(DEVICE).set("group_id", 26).set("segment", 0).set("bus", 2)
                .set("devfn", 0x08);
        StructValue info = StructValue.of(HOT_RESET_INFO, 2).setElementStruct(1, device);
        assertThat(info.toBytes()).hasSize(12 + 2 * 8);
        assertThat(info.toBytes()[20]).isEqualTo((byte) 26);
        assertThat(info.getElementStruct(1).get("devfn")).isEqualTo(8);
        assertThat(info.getElementStruct(0).get("group_id")).isZero();
        assertThatThrownBy(() -> info.getElement(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
