package org.devmodel.cli.admin;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciFunction;

/**
 * The PCI commands as the sysfs writes a user makes with {@code echo}, with the shell's words for a
 * failing write: {@code bash: PATH: No such file or directory} when the file is not there (an
 * unregistered driver), {@code bash: echo: write error: REASON} when the write is refused.
 */
final class SysfsPciAdmin implements PciAdmin {
    private final Pci pci;

    SysfsPciAdmin(Pci pci) {
        this.pci = pci;
    }

    @Override
    public void bind(String bdf, String driver) throws AdminException {
        String bindFile = "/sys/bus/pci/drivers/" + driver + "/bind";
        write("/sys/bus/pci/devices/" + bdf + "/driver_override", () -> pci.setDriverOverride(bdf, driver));
        PciFunction function = pci.function(bdf).orElseThrow();
        if (function.device().driver().isPresent()) {
            String current = function.device().driver().get().name();
            write("/sys/bus/pci/drivers/" + current + "/unbind", () -> pci.unbind(current, bdf));
        }
        write(bindFile, () -> pci.bind(driver, bdf));
    }

    @Override
    public void unbind(String bdf) throws AdminException {
        PciFunction function = pci.function(bdf)
                .orElseThrow(() -> missing("/sys/bus/pci/devices/" + bdf + "/driver/unbind"));
        String driver = function.device().driver()
                .orElseThrow(() -> missing("/sys/bus/pci/devices/" + bdf + "/driver/unbind")).name();
        write("/sys/bus/pci/drivers/" + driver + "/unbind", () -> pci.unbind(driver, bdf));
    }

    @Override
    public void newId(String vendor, String device, String driver) throws AdminException {
        int vendorId;
        int deviceId;
        try {
            vendorId = Integer.parseInt(vendor, 16);
            deviceId = Integer.parseInt(device, 16);
        } catch (NumberFormatException e) {
            throw new AdminException(Errno.EINVAL, "bash: echo: write error: " + Errno.EINVAL.message());
        }
        write("/sys/bus/pci/drivers/" + driver + "/new_id", () -> pci.newId(driver, vendorId, deviceId));
    }

    /** One sysfs write: ENOENT is the shell failing to open the file, anything else the write failing. */
    private static void write(String path, SysfsWrite write) throws AdminException {
        try {
            write.run();
        } catch (KernelException e) {
            if (e.errno() == Errno.ENOENT) {
                throw missing(path);
            }
            throw new AdminException(e.errno(), "bash: echo: write error: " + e.errno().message());
        }
    }

    private static AdminException missing(String path) {
        return new AdminException(Errno.ENOENT, "bash: " + path + ": " + Errno.ENOENT.message());
    }

    @FunctionalInterface
    private interface SysfsWrite {
        void run() throws KernelException;
    }
}
