package org.devmodel.pci.internal;

import java.util.List;
import java.util.Set;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.pci.PciAddress;
import org.devmodel.pci.PciDeviceId;
import org.devmodel.pci.PciDriver;
import org.devmodel.pci.PciFunction;

/**
 * A built-in stand-in for a host driver the platform binds at boot, such as {@code snd_hda_intel}
 * or {@code pcieport}: it does nothing but hold the functions the platform gives it. Its id table
 * lists their ids, and its probe refuses (quietly) any other function with the same ids, so a
 * stand-in never takes an edu function the platform left unbound.
 */
final class HostDriver implements PciDriver {
    private final String name;
    private final List<PciDeviceId> ids;
    private final Set<PciAddress> addresses;

    HostDriver(String name, List<PciDeviceId> ids, Set<PciAddress> addresses) {
        this.name = name;
        this.ids = List.copyOf(ids);
        this.addresses = Set.copyOf(addresses);
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
    public void probe(PciFunction function) throws KernelException {
        if (!addresses.contains(function.address())) {
            throw new KernelException(Errno.ENODEV, name + ": " + function.address() + " is not ours");
        }
    }

    @Override
    public void remove(PciFunction function) {
        // a stand-in holds no state for the function
    }
}
