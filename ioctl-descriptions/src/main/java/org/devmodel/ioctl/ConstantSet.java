package org.devmodel.ioctl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A named group of constants: the bits of one flags field ({@code vfio_group_status.flags}) or the
 * values one argument takes ({@code VFIO_CHECK_EXTENSION}'s IOMMU types). Immutable.
 *
 * @param name the set's name
 * @param members the constants, in declaration order
 */
public record ConstantSet(String name, List<Constant> members) {
    /** Copies the members. */
    public ConstantSet {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
    }

    /**
     * {@return the name of the member with this value, if one has it}
     *
     * @param value a value
     */
    public Optional<String> nameOf(long value) {
        return members.stream().filter(c -> c.value() == value).map(Constant::name).findFirst();
    }

    /**
     * Names the bits of a flags value, as the CLI prints them: single-bit members whose bit is set,
     * joined by {@code |}, then any bits no member names in hex; {@code 0} when no bit is set.
     *
     * @param value a flags value
     * @return e.g. {@code VFIO_GROUP_FLAGS_VIABLE|VFIO_GROUP_FLAGS_CONTAINER_SET} or {@code A|0x10}
     */
    public String formatFlags(long value) {
        StringJoiner joiner = new StringJoiner("|");
        long unnamed = value;
        for (Constant member : members) {
            // Masks such as VFIO_IRQ_SET_DATA_TYPE_MASK cover several bits; they name no single flag.
            if (Long.bitCount(member.value()) == 1 && (unnamed & member.value()) != 0) {
                joiner.add(member.name());
                unnamed &= ~member.value();
            }
        }
        if (unnamed != 0) {
            joiner.add("0x" + Long.toHexString(unnamed));
        }
        return joiner.length() == 0 ? "0" : joiner.toString();
    }
}
