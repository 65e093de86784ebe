package org.devmodel.testkit.vfio.internal;

import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.pci.PciDeviceId;
import org.devmodel.pci.PciDriver;
import org.devmodel.pci.PciFunction;
import org.devmodel.vfio.VfioDeviceOps;
import org.devmodel.vfio.VfioRegistry;

/**
 * A VFIO bus driver in the manner of vfio-pci, reduced to what a container needs: its probe hands the
 * function to vfio so the function's IOMMU group gets a group node, its remove takes it back. Its
 * device fds keep vfio's defaults. Bound by {@code driver_override} only.
 */
public final class ContractBusDriver implements PciDriver, VfioDeviceOps<PciFunction> {
    /** The driver's name in {@code /sys/bus/pci/drivers}. */
    public static final String NAME = "vfio-contract";

    private final Kernel kernel;

    /**
     * @param kernel the kernel whose vfio the driver adds devices to
     */
    public ContractBusDriver(Kernel kernel) {
        this.kernel = kernel;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PciDeviceId> idTable() {
        return List.of();
    }

    @Override
    public void probe(PciFunction function) throws KernelException {
        VfioRegistry.of(kernel).addGroupDev(function.device(), this, function);
    }

    @Override
    public void remove(PciFunction function) {
        VfioRegistry.of(kernel).delGroupDev(function.device());
    }
}
