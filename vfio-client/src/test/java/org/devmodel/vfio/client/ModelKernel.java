package org.devmodel.vfio.client;

import java.util.List;
import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.mem.Mapping;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.devmodel.pci.Pci;

/**
 * A model kernel on the default platform with vfio, vfio_iommu_type1 and vfio_pci loaded (or on the
 * POWER platform with vfio_iommu_spapr_tce instead of type1) and the edu function at
 * {@code 0000:00:03.0} (IOMMU group 3, alone in it on both) bound to vfio-pci, and a root process.
 */
final class ModelKernel implements AutoCloseable {
    static final String EDU = "0000:00:03.0";
    static final int EDU_GROUP = 3;

    final Kernel kernel;
    private final Task task;
    private final Userspace process;

    private ModelKernel(Kernel kernel) {
        this.kernel = kernel;
        this.task = kernel.spawn(Credentials.ROOT);
        this.process = new Userspace(task.syscalls(), task.memory());
    }

    /** {@return a kernel with VFIO loaded but nothing bound to it} */
    static ModelKernel withVfioLoaded() throws KernelException {
        return withVfioLoaded(KernelOptions.defaults(), "vfio_iommu_type1");
    }

    private static ModelKernel withVfioLoaded(KernelOptions options, String backend) throws KernelException {
        Kernel kernel = Kernel.boot(options);
        try {
            kernel.modules().modprobe(backend, Map.of());
            kernel.modules().modprobe("vfio-pci", Map.of());
            return new ModelKernel(kernel);
        } catch (KernelException | RuntimeException e) {
            kernel.close();
            throw e;
        }
    }

    /** {@return a kernel whose edu at {@link #EDU} is bound to vfio-pci} */
    static ModelKernel withEduBoundToVfio() throws KernelException {
        return bindEdu(withVfioLoaded());
    }

    /** {@return a POWER kernel ({@code pci.machine=power}) whose edu at {@link #EDU} is bound to vfio-pci} */
    static ModelKernel onPowerWithEduBoundToVfio() throws KernelException {
        return bindEdu(withVfioLoaded(KernelOptions.builder().commandLine("pci.machine=power").build(),
                "vfio_iommu_spapr_tce"));
    }

    private static ModelKernel bindEdu(ModelKernel model) throws KernelException {
        try {
            model.bind(EDU);
            return model;
        } catch (KernelException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Binds a function to vfio-pci as an administrator would: {@code driver_override}, then {@code bind}. */
    void bind(String address) throws KernelException {
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        pci.setDriverOverride(address, "vfio-pci");
        pci.bind("vfio-pci", address);
        kernel.settle();
    }

    /** {@return the root process's system calls and memory} */
    Userspace process() {
        return process;
    }

    /** {@return the root process's mappings, in address order} */
    List<Mapping> mappings() {
        return task.memory().mappings();
    }

    @Override
    public void close() {
        kernel.close();
    }
}
