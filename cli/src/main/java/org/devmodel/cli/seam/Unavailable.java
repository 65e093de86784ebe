package org.devmodel.cli.seam;

/** Stand-ins for parts this kernel does not have yet: each call fails with a message naming the command. */
final class Unavailable {
    private Unavailable() {
    }

    /** {@return PCI commands that fail: the kernel has no PCI bus} */
    static PciAdmin pciAdmin() {
        return new PciAdmin() {
            @Override
            public void bind(String bdf, String driver) throws NotAvailableException {
                throw missing("bind");
            }

            @Override
            public void unbind(String bdf) throws NotAvailableException {
                throw missing("unbind");
            }

            @Override
            public void newId(String vendor, String device, String driver) throws NotAvailableException {
                throw missing("new_id");
            }

            private NotAvailableException missing(String command) {
                return new NotAvailableException(command + ": this kernel has no PCI bus yet");
            }
        };
    }
}
