package org.devmodel.pci;

/**
 * Config-space offsets and bits of {@code include/uapi/linux/pci_regs.h} that the PCI core, its
 * models and vfio-pci's virtualisation use. Names keep the kernel's, without the {@code PCI_} prefix.
 */
public final class PciRegs {
    /** Size of a conventional PCI function's config space. */
    public static final int CONFIG_SIZE = 256;
    /** 16 bits: vendor id. */
    public static final int VENDOR_ID = 0x00;
    /** 16 bits: device id. */
    public static final int DEVICE_ID = 0x02;
    /** 16 bits: command register. */
    public static final int COMMAND = 0x04;
    /** COMMAND: respond to I/O space accesses. */
    public static final int COMMAND_IO = 0x1;
    /** COMMAND: respond to memory space accesses (BAR decoding). */
    public static final int COMMAND_MEMORY = 0x2;
    /** COMMAND: the function may master the bus (DMA and MSI writes). */
    public static final int COMMAND_MASTER = 0x4;
    /** COMMAND: INTx emulation disable. */
    public static final int COMMAND_INTX_DISABLE = 0x400;
    /** 16 bits: status register. */
    public static final int STATUS = 0x06;
    /** STATUS: the INTx pin is asserted. */
    public static final int STATUS_INTERRUPT = 0x08;
    /** STATUS: the capability list at {@link #CAPABILITY_LIST} is valid. */
    public static final int STATUS_CAP_LIST = 0x10;
    /** 8 bits: revision id. */
    public static final int REVISION_ID = 0x08;
    /** 24 bits from here: programming interface, sub-class, base class. */
    public static final int CLASS_PROG = 0x09;
    /** 8 bits: cache line size, in dwords. */
    public static final int CACHE_LINE_SIZE = 0x0c;
    /** 8 bits: header type. */
    public static final int HEADER_TYPE = 0x0e;
    /** 32 bits each, six of them: base address registers. */
    public static final int BASE_ADDRESS_0 = 0x10;
    /** Number of BARs of a type 0 header. */
    public static final int BAR_COUNT = 6;
    /** BAR: low bits of a 64-bit memory BAR. */
    public static final int BASE_ADDRESS_MEM_TYPE_64 = 0x04;
    /** 16 bits: subsystem vendor id. */
    public static final int SUBSYSTEM_VENDOR_ID = 0x2c;
    /** 16 bits: subsystem id. */
    public static final int SUBSYSTEM_ID = 0x2e;
    /** 8 bits: offset of the first capability. */
    public static final int CAPABILITY_LIST = 0x34;
    /** 8 bits: interrupt line, written by firmware, read by drivers. */
    public static final int INTERRUPT_LINE = 0x3c;
    /** 8 bits: interrupt pin, 1 = INTA, 0 = none. */
    public static final int INTERRUPT_PIN = 0x3d;
    /** {@code PCI_STD_HEADER_SIZEOF}: the type 0 header; device-specific space and capabilities follow. */
    public static final int STD_HEADER_SIZEOF = 0x40;
    /** Capability id of MSI. */
    public static final int CAP_ID_MSI = 0x05;
    /** MSI capability: 16-bit message control, from the capability's start. */
    public static final int MSI_FLAGS = 0x02;
    /** MSI_FLAGS: MSI enable. */
    public static final int MSI_FLAGS_ENABLE = 0x0001;
    /** MSI_FLAGS: multiple message capable, log2 of the vectors, in bits 1-3. */
    public static final int MSI_FLAGS_QMASK = 0x000e;
    /** MSI_FLAGS: multiple message enable, log2 of the vectors, in bits 4-6. */
    public static final int MSI_FLAGS_QSIZE = 0x0070;
    /** MSI_FLAGS: 64-bit address capable. */
    public static final int MSI_FLAGS_64BIT = 0x0080;
    /** MSI capability: 32-bit message address, low half. */
    public static final int MSI_ADDRESS_LO = 0x04;
    /** MSI capability: 32-bit message address, high half (64-bit capability). */
    public static final int MSI_ADDRESS_HI = 0x08;
    /** MSI capability: 16-bit message data (64-bit capability). */
    public static final int MSI_DATA_64 = 0x0c;
    /** Length of a 64-bit MSI capability without per-vector masking. */
    public static final int MSI_64_SIZEOF = 0x0e;

    private PciRegs() {
    }
}
