package org.devmodel.vfio.internal;

import java.util.concurrent.Callable;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.internal.KernelImpl;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.Iommu;
import org.devmodel.vfio.uapi.VfioIoctls;

/**
 * A booted kernel with a fixture bus {@code vfiotest} (matching nothing: devices are bound by
 * {@code driver_override}), its IOMMU notifier, the fixture bus driver and, once {@link #load}ed,
 * vfio. It runs vfio's {@code init}/{@code exit} and the fixtures' registrations as their modules,
 * as the loader would.
 */
final class VfioHarness implements AutoCloseable {
    /** The fixture bus driver's module name. */
    static final String BUS_MODULE = "vfio_fixture_bus";
    /** The fixture backend's module name. */
    static final String BACKEND_MODULE = "vfio_iommu_type1";

    final Kernel kernel;
    final TestModules modules;
    final Iommu iommu;
    final Bus bus;
    final FixtureBusDriver busDriver;
    final TestModuleContext context;
    Vfio vfio;
    FixtureBackend backend;

    VfioHarness() throws KernelException {
        modules = new TestModules();
        kernel = modules.boot();
        modules.own(FixtureBusDriver.class, BUS_MODULE);
        modules.own(FixtureBackend.class, BACKEND_MODULE);
        iommu = kernel.subsystem(Iommu.class).orElseThrow();
        bus = kernel.devices().busRegister("vfiotest", BusMatcher.NONE);
        iommu.watchBus(bus);
        busDriver = new FixtureBusDriver(kernel);
        context = new TestModuleContext(kernel);
    }

    /** {@return a harness with vfio loaded and the fixture bus driver registered} */
    static VfioHarness loaded() throws KernelException {
        VfioHarness harness = new VfioHarness();
        harness.load(new Vfio());
        harness.as(BUS_MODULE, () -> {
            harness.busDriver.init(harness.bus, harness.vfio);
            return null;
        });
        return harness;
    }

    /** {@return a {@link #loaded} harness with a type1 fixture backend registered as {@code vfio_iommu_type1}} */
    static VfioHarness withBackend() throws KernelException {
        VfioHarness harness = loaded();
        harness.backend = new FixtureBackend("vfio-iommu-fixture", (long) VfioIoctls.VFIO_TYPE1_IOMMU);
        harness.register(harness.backend);
        return harness;
    }

    /**
     * Runs vfio's {@code init} as the module {@code vfio}.
     *
     * @param module a fresh instance
     */
    void load(Vfio module) throws KernelException {
        vfio = module;
        as("vfio", () -> {
            module.init(context);
            return null;
        });
        kernel.settle(); // as udevadm settle: node modes come with the uevents
    }

    /** Runs vfio's {@code exit} as the module {@code vfio}. */
    void unload() throws KernelException {
        as("vfio", () -> {
            vfio.exit();
            return null;
        });
    }

    /**
     * {@return how many group minors are taken}: the ledger's {@code idr_alloc}s less its
     * {@code idr_remove}s, so a minor leaked without a node shows too
     */
    long groupMinorsInUse() {
        long taken = 0;
        for (LedgerEvent e : kernel.ledger().since(0)) {
            if (e.kind() == LedgerEvent.Kind.ACQUIRE && e.site().equals(Vfio.IDR_ALLOC.name())) {
                taken++;
            } else if (e.kind() == LedgerEvent.Kind.RELEASE && e.site().equals("idr_remove")) {
                taken--;
            }
        }
        return taken;
    }

    /**
     * Runs code as a module, so its acquisitions are that module's steps.
     *
     * @param owner the module name
     * @param body the code
     * @param <T> its result
     * @return what it returned
     * @throws KernelException what it threw
     */
    <T> T as(String owner, Callable<T> body) throws KernelException {
        try {
            return ((KernelImpl) kernel).tracker().callAs(owner, body);
        } catch (KernelException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers a backend from its module's {@code init}.
     *
     * @param backend the backend
     */
    void register(FixtureBackend backend) throws KernelException {
        as(BACKEND_MODULE, () -> {
            vfio.registerIommuDriver(backend);
            return null;
        });
    }

    /**
     * Adds a device to the bus and to an IOMMU group, unbound.
     *
     * @param name the device name
     * @param groupId the IOMMU group id
     * @return the device
     * @throws KernelException from the driver model
     */
    Device device(String name, int groupId) throws KernelException {
        Device device = kernel.devices().deviceRegister(bus, name, null);
        iommu.addDevice(iommu.group(groupId), device);
        return device;
    }

    /**
     * {@return a device in a group, bound to the fixture VFIO bus driver}
     *
     * @param name its name
     * @param groupId its group
     */
    Device vfioDevice(String name, int groupId) throws KernelException {
        Device device = device(name, groupId);
        bind(device, busDriver);
        return device;
    }

    /**
     * Binds a device to a driver by {@code driver_override}.
     *
     * @param device the device
     * @param driver the driver
     */
    void bind(Device device, DeviceDriver driver) throws KernelException {
        kernel.devices().setDriverOverride(device, driver.name());
        kernel.devices().bind(driver, device);
    }

    /**
     * {@return a host driver registered on the fixture bus}, such as {@code e1000e} or {@code pci-stub}
     *
     * @param name the driver name
     * @throws KernelException from the driver model
     */
    DeviceDriver hostDriver(String name) throws KernelException {
        HostDriver driver = new HostDriver(name);
        kernel.devices().driverRegister(bus, driver);
        return driver;
    }

    /** {@return a root process} */
    Task process() {
        return kernel.spawn(Credentials.ROOT);
    }

    /**
     * {@return a page of user memory in a process}
     *
     * @param task the process
     */
    static long page(Task task) throws KernelException {
        return task.syscalls().mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
