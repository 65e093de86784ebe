package org.devmodel.pci.emul;

/**
 * The read-only identity a model gives its function's type 0 config header. The PCI core lays out
 * the rest: COMMAND and STATUS, the BARs from {@link EmulatedFunction#bars()}, and an MSI
 * capability (64-bit address, no per-vector masking, at offset 0x40) when {@code msiVectors} is
 * above 0, as QEMU's {@code msi_init} does.
 *
 * @param vendor the vendor id
 * @param device the device id
 * @param revision the revision id
 * @param classCode the 24-bit class code (base class, sub-class, programming interface)
 * @param subsystemVendor the subsystem vendor id
 * @param subsystemDevice the subsystem id
 * @param interruptPin 1 for INTA, 0 for no INTx
 * @param msiVectors 0 for no MSI capability, else 1, 2, 4, 8, 16 or 32
 */
public record ConfigHeader(int vendor, int device, int revision, int classCode, int subsystemVendor,
        int subsystemDevice, int interruptPin, int msiVectors) {

    /** Checks the ranges. */
    public ConfigHeader {
        if (((vendor | device | subsystemVendor | subsystemDevice) & ~0xffff) != 0
                || (revision & ~0xff) != 0 || (classCode & ~0xffffff) != 0) {
            throw new IllegalArgumentException("config header field out of range");
        }
        if (interruptPin < 0 || interruptPin > 4) {
            throw new IllegalArgumentException("bad interrupt pin " + interruptPin);
        }
        if (msiVectors < 0 || msiVectors > 32 || Integer.bitCount(msiVectors) > 1) {
            throw new IllegalArgumentException("bad MSI vector count " + msiVectors);
        }
    }
}
