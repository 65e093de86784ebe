package org.example.edu;

import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.devmodel.pci.Pci;
import org.devmodel.vfio.client.Userspace;
import org.devmodel.vfio.client.WaitStrategy;

/**
 * The model kernel the driver is tested on: the default platform's edu at {@code 0000:00:03.0}
 * (IOMMU group 3, alone in it) handed to vfio-pci by an administrator, and a root process. The
 * POWER platform lays its functions and groups out the same way, with the sPAPR TCE backend.
 */
final class ModelEdu implements EduSide {
    static final String ADDRESS = "0000:00:03.0";
    static final int GROUP = 3;

    final Kernel kernel;
    private final Userspace process;

    ModelEdu() throws KernelException {
        this(KernelOptions.defaults());
    }

    private ModelEdu(KernelOptions options) throws KernelException {
        kernel = Kernel.boot(options);
        try {
            kernel.modules().modprobe("vfio-pci", Map.of());
            Pci pci = kernel.subsystem(Pci.class).orElseThrow();
            pci.setDriverOverride(ADDRESS, "vfio-pci");
            pci.bind("vfio-pci", ADDRESS);
            kernel.settle();
        } catch (KernelException | RuntimeException e) {
            kernel.close();
            throw e;
        }
        Task task = kernel.spawn(Credentials.ROOT);
        process = new Userspace(task.syscalls(), task.memory());
    }

    /** {@return the same on the POWER platform ({@code pci.machine=power})} */
    static ModelEdu onPower() throws KernelException {
        return new ModelEdu(KernelOptions.builder().commandLine("pci.machine=power").build());
    }

    @Override
    public Userspace process() {
        return process;
    }

    @Override
    public String address() {
        return ADDRESS;
    }

    @Override
    public int group() {
        return GROUP;
    }

    /** Device time on the model: each empty read of the eventfd runs the next timer; none pending gives up. */
    @Override
    public WaitStrategy waiting() {
        return attempt -> kernel.clock().runNextTimer();
    }

    @Override
    public void close() {
        kernel.close();
    }
}
