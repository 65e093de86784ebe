package org.devmodel.pci;

/**
 * A PCI function's address, as {@code dev_name} of a PCI device spells it: {@code 0000:01:00.1}
 * (domain, bus, slot, function, in hex).
 *
 * @param domain the PCI domain (segment), 0 to 0xffff
 * @param bus the bus number, 0 to 0xff
 * @param slot the slot (device) number, 0 to 0x1f
 * @param function the function number, 0 to 7
 */
public record PciAddress(int domain, int bus, int slot, int function) {

    /** Checks the ranges. */
    public PciAddress {
        check(domain, 0xffff, "domain");
        check(bus, 0xff, "bus");
        check(slot, 0x1f, "slot");
        check(function, 7, "function");
    }

    private static void check(int value, int max, String what) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " out of range: " + value);
        }
    }

    /**
     * Parses {@code DDDD:BB:SS.F}.
     *
     * @param text the address
     * @return the address
     * @throws IllegalArgumentException when it is not one
     */
    public static PciAddress parse(String text) {
        if (!text.matches("\\p{XDigit}{4}:\\p{XDigit}{2}:\\p{XDigit}{2}\\.[0-7]")) {
            throw new IllegalArgumentException("bad PCI address '" + text + "'");
        }
        return new PciAddress(Integer.parseInt(text.substring(0, 4), 16), Integer.parseInt(text.substring(5, 7), 16),
                Integer.parseInt(text.substring(8, 10), 16), text.charAt(11) - '0');
    }

    /** {@return {@code DDDD:BB:SS.F}, lower-case hex} */
    @Override
    public String toString() {
        return String.format("%04x:%02x:%02x.%d", domain, bus, slot, function);
    }
}
