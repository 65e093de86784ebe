package org.devmodel.testkit.vfio;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.device.Device;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.Iommu;
import org.devmodel.pci.Pci;
import org.devmodel.testkit.vfio.internal.ContractBusDriver;

/**
 * The kernel the contract's tests run in, which a backend's own tests may use too: booted on the
 * backend's machine with only vfio and the backend indexed (or the backend's modules directory),
 * vfio loaded (its init asks for the backend), and edu {@code 0000:00:03.0} bound to a VFIO bus
 * driver of the contract's, so IOMMU group 3 is viable. Close it to shut the kernel down.
 */
public final class VfioMachine implements AutoCloseable {
    /** The edu function the contract drives. */
    public static final String EDU = "0000:00:03.0";
    /** Its IOMMU group, on both embedded platforms. */
    public static final int GROUP = 3;

    private final Kernel kernel;
    private final Pci pci;

    private VfioMachine(Kernel kernel) throws KernelException {
        this.kernel = kernel;
        kernel.modules().modprobe("vfio", Map.of());
        kernel.settle();
        this.pci = kernel.subsystem(Pci.class).orElseThrow(() -> new IllegalStateException("contract: no PCI bus"));
        pci.registerDriver(new ContractBusDriver(kernel));
        bindToVfio(EDU);
    }

    /**
     * Boots the machine a backend runs on.
     *
     * @param adapter the backend's adapter
     * @return the machine; close it
     * @throws KernelException when the kernel or vfio fails to start
     */
    public static VfioMachine boot(VfioBackendAdapter adapter) throws KernelException {
        KernelOptions.Builder options = KernelOptions.builder().commandLine(adapter.commandLine());
        Path modules = adapter.modulesDirectory().orElse(null);
        if (modules == null) {
            options.indexedModules(Set.of("vfio", adapter.moduleName()));
        } else {
            options.modulesDirectory(modules);
        }
        Kernel kernel = Kernel.boot(options.build());
        try {
            return new VfioMachine(kernel);
        } catch (KernelException | RuntimeException e) {
            kernel.close();
            throw e;
        }
    }

    /**
     * Binds another function to the contract's VFIO bus driver ({@code driver_override}, then
     * {@code bind}), e.g. both edu functions of group 5 to make that group viable.
     *
     * @param address the function's address
     * @throws KernelException the bind's errno
     */
    public void bindToVfio(String address) throws KernelException {
        pci.setDriverOverride(address, ContractBusDriver.NAME);
        pci.bind(ContractBusDriver.NAME, address);
    }

    /** {@return the kernel} */
    public Kernel kernel() {
        return kernel;
    }

    /** {@return the iommu core} */
    public Iommu iommu() {
        return kernel.subsystem(Iommu.class).orElseThrow();
    }

    /**
     * {@return a function's device, e.g. edu's, whose DMA goes through its IOMMU group}
     *
     * @param address the function's address
     */
    public Device device(String address) {
        return pci.function(address).orElseThrow(() -> new IllegalArgumentException("no PCI function " + address)).device();
    }

    /**
     * {@return a new root process holding a container fd and a group's fd, the group not yet in the container}
     *
     * @param group the IOMMU group id, e.g. {@link #GROUP}
     * @throws KernelException when an open fails
     */
    public VfioSession open(int group) throws KernelException {
        return open(kernel.spawn(Credentials.ROOT), group);
    }

    /**
     * {@return a session of an existing process: it opens a container fd and a group's fd}
     *
     * @param task the process
     * @param group the IOMMU group id
     * @throws KernelException when an open fails
     */
    public VfioSession open(Task task, int group) throws KernelException {
        int container = task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
        int groupFd = task.syscalls().open("/dev/vfio/" + group, OpenFlags.O_RDWR);
        return new VfioSession(task, container, groupFd);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
