package org.devmodel.pci.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.devmodel.pci.PciDeviceId;
import org.devmodel.pci.PciDriver;
import org.devmodel.pci.PciFunction;
import org.devmodel.pci.PciInterruptHandler;

/** A PCI driver for tests: takes what it matches, records probes, removes and interrupts. */
final class TestDriver implements PciDriver, PciInterruptHandler {
    final List<String> events = new CopyOnWriteArrayList<>();
    private final String name;
    private final List<PciDeviceId> ids;

    TestDriver(String name, PciDeviceId... ids) {
        this.name = name;
        this.ids = List.of(ids);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<PciDeviceId> idTable() {
        return ids;
    }

    @Override
    public void probe(PciFunction function) {
        events.add("probe " + function.address());
        function.setInterruptHandler(this);
    }

    @Override
    public void remove(PciFunction function) {
        events.add("remove " + function.address());
    }

    @Override
    public void onIntx(PciFunction function, boolean asserted) {
        events.add("intx " + (asserted ? 1 : 0));
    }

    @Override
    public void onMsi(PciFunction function, int vector) {
        events.add("msi " + vector);
    }
}
