package org.devmodel.pci.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.pci.PciDeviceId;
import org.devmodel.pci.PciDriver;
import org.devmodel.pci.PciFunction;

/**
 * A registered {@link PciDriver} as the driver core sees it ({@code pci_driver.driver}), with the
 * ids added through {@code new_id} ({@code pci_driver.dynids}), which last until it is unregistered.
 */
final class DriverBinding implements DeviceDriver {
    private final PciDriver driver;
    private final PciCore core;
    private final List<PciDeviceId> dynamicIds = new CopyOnWriteArrayList<>();

    DriverBinding(PciDriver driver, PciCore core) {
        this.driver = driver;
        this.core = core;
    }

    PciDriver pciDriver() {
        return driver;
    }

    void addDynamicId(PciDeviceId id) {
        dynamicIds.add(id);
    }

    /** {@code pci_match_device}: the dynamic ids first, then the static table. */
    boolean matches(PciFunction function) {
        return dynamicIds.stream().anyMatch(id -> id.matches(function))
                || driver.idTable().stream().anyMatch(id -> id.matches(function));
    }

    @Override
    public String name() {
        return driver.name();
    }

    @Override
    public void probe(Device device) throws KernelException {
        driver.probe(core.functionOf(device));
    }

    @Override
    public void remove(Device device) {
        FunctionImpl function = core.functionOf(device);
        try {
            driver.remove(function);
        } finally {
            // whatever remove did, interrupts must not reach a driver that let the function go
            function.clearInterruptHandler();
        }
    }
}
