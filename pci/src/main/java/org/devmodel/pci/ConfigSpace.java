package org.devmodel.pci;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A function's 256-byte config space, as the device decodes accesses to it: read-only fields keep
 * their value, BARs answer sizing (write all-ones, read back the size mask), COMMAND, the MSI
 * capability and the device-specific space after the header (outside capabilities, as QEMU's
 * {@code pci_init_wmask} leaves it) are writable. Little-endian, as PCI is. vfio-pci virtualises on top of it.
 */
public interface ConfigSpace {

    /**
     * {@code pci_read_config_*}: reads a field.
     *
     * @param offset the byte offset, 0 to 255
     * @param size 1, 2 or 4 bytes, within the space
     * @return the value, zero-extended
     */
    int read(int offset, int size);

    /**
     * {@code pci_write_config_*}: writes a field; bits the device does not implement as writable
     * keep their value.
     *
     * @param offset the byte offset, 0 to 255
     * @param size 1, 2 or 4 bytes, within the space
     * @param value the value, in its low {@code size} bytes
     */
    void write(int offset, int size, int value);

    /** {@return the vendor id} */
    default int vendorId() {
        return read(PciRegs.VENDOR_ID, 2);
    }

    /** {@return the device id} */
    default int deviceId() {
        return read(PciRegs.DEVICE_ID, 2);
    }

    /** {@return the revision id} */
    default int revision() {
        return read(PciRegs.REVISION_ID, 1);
    }

    /** {@return the 24-bit class code (base class, sub-class, programming interface), as sysfs {@code class} shows it} */
    default int classCode() {
        return read(PciRegs.REVISION_ID, 4) >>> 8;
    }

    /** {@return the COMMAND register} */
    default int command() {
        return read(PciRegs.COMMAND, 2);
    }

    /** {@return whether COMMAND enables memory decoding, so BAR accesses reach the device} */
    default boolean memoryEnabled() {
        return (command() & PciRegs.COMMAND_MEMORY) != 0;
    }

    /** {@return whether COMMAND lets the function master the bus, so its DMA and MSI writes happen} */
    default boolean busMaster() {
        return (command() & PciRegs.COMMAND_MASTER) != 0;
    }

    /**
     * {@return {@code pci_find_capability}: the offset of a capability in the list}
     *
     * @param capId the capability id, e.g. {@link PciRegs#CAP_ID_MSI}
     */
    default OptionalInt findCapability(int capId) {
        for (int pos : capabilities()) {
            if (read(pos, 1) == capId) {
                return OptionalInt.of(pos);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * {@return the offsets of the capabilities, in list order}: the walk of
     * {@code pci_find_capability}, empty when STATUS has no capability list
     */
    default List<Integer> capabilities() {
        List<Integer> found = new ArrayList<>();
        if ((read(PciRegs.STATUS, 2) & PciRegs.STATUS_CAP_LIST) == 0) {
            return found;
        }
        // 48 is the kernel's PCI_FIND_CAP_TTL: a looping list cannot hang the walk
        int pos = read(PciRegs.CAPABILITY_LIST, 1) & ~3;
        for (int ttl = 48; pos >= 0x40 && ttl > 0; ttl--) {
            found.add(pos);
            pos = read(pos + 1, 1) & ~3;
        }
        return found;
    }

    /** {@return whether the function has an MSI capability whose enable bit is set} */
    default boolean msiEnabled() {
        OptionalInt msi = findCapability(PciRegs.CAP_ID_MSI);
        return msi.isPresent() && (read(msi.getAsInt() + PciRegs.MSI_FLAGS, 2) & PciRegs.MSI_FLAGS_ENABLE) != 0;
    }
}
