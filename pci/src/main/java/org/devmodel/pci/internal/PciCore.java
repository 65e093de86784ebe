package org.devmodel.pci.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.devmodel.core.BuiltinSubsystem;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusEvent;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.fs.Vfs;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuModel;
import org.devmodel.pci.Pci;
import org.devmodel.pci.PciAddress;
import org.devmodel.pci.PciDeviceId;
import org.devmodel.pci.PciDriver;
import org.devmodel.pci.PciFunction;
import org.devmodel.pci.emul.PciDeviceModel;
import org.devmodel.pci.internal.platform.FunctionSpec;
import org.devmodel.pci.internal.platform.Platform;
import org.devmodel.pci.internal.platform.PlatformException;
import org.devmodel.pci.internal.platform.PlatformParser;
import org.devmodel.pci.internal.platform.TceWindow;

/**
 * The PCI core ({@code drivers/pci}): bus {@code pci}, the functions of the platform, PCI driver
 * registration and the sysfs write files. One instance per kernel, started as a
 * {@code subsys_initcall}, after the iommu core.
 */
public final class PciCore implements BuiltinSubsystem, Pci {
    /** {@code pci_register_driver}: a driver on bus {@code pci}; ENOMEM. */
    static final FaultSite PCI_REGISTER_DRIVER = new FaultSite("pci_register_driver", Errno.ENOMEM);
    /** The embedded platform used without {@code pci.platform=FILE} or {@code pci.machine}. */
    static final String DEFAULT_PLATFORM = "default-platform.txt";
    /** The embedded platforms {@code pci.machine=NAME} selects, by name. */
    static final Map<String, String> MACHINES = Map.of("x86", DEFAULT_PLATFORM, "power", "power-platform.txt");
    private static final String SYSFS_DEVICES = "/sys/bus/pci/devices/";

    private final Map<String, FunctionImpl> functions = new LinkedHashMap<>();
    private final Map<String, DriverBinding> drivers = new ConcurrentHashMap<>();
    private Kernel kernel;
    private Iommu iommu;
    private Bus bus;

    @Override
    public String name() {
        return "pci";
    }

    @Override
    public int initLevel() {
        return SUBSYS;
    }

    @Override
    public void init(Kernel kernel) throws KernelException {
        this.kernel = kernel;
        this.iommu = kernel.subsystem(Iommu.class)
                .orElseThrow(() -> new KernelException(Errno.ENODEV, "pci: no iommu core"));
        List<Enumerated> created = createFunctions();
        bus = kernel.devices().busRegister("pci", this::match);
        iommu.watchBus(bus);
        kernel.devices().busNotifierRegister(bus, this::onBusEvent);
        for (Enumerated entry : created) {
            functions.put(entry.function().address().toString(), entry.function());
            kernel.devices().deviceRegister(bus, entry.function().address().toString(), null);
        }
        registerHostDrivers(created);
    }

    /** A function made from a platform line, and the host driver the line binds it to. */
    private record Enumerated(FunctionImpl function, Optional<String> hostDriver) {
    }

    // ---- the platform

    /**
     * Reads the platform, sets the machine's IOMMU model up (on POWER a TCE table per group) and
     * creates every function's model state before any is on the bus.
     */
    private List<Enumerated> createFunctions() throws KernelException {
        DeviceModels models = new DeviceModels(kernel.log());
        try {
            Platform platform = readPlatform(models.byName().keySet());
            setUpIommu(platform);
            List<Enumerated> created = new ArrayList<>();
            for (FunctionSpec spec : platform.functions()) {
                created.add(new Enumerated(createFunction(spec, models.byName().get(spec.model())), spec.driver()));
            }
            return created;
        } catch (PlatformException e) {
            kernel.log().err("pci: " + e.getMessage());
            throw new KernelException(Errno.EINVAL, "pci: " + e.getMessage(), e);
        }
    }

    private Platform readPlatform(Set<String> models) throws PlatformException, KernelException {
        PlatformParser parser = new PlatformParser(models);
        Optional<String> file = kernel.options().commandLine().get("pci.platform");
        Optional<String> machine = kernel.options().commandLine().get("pci.machine");
        if (file.isPresent() && machine.isPresent()) {
            kernel.log().err("pci: pci.platform and pci.machine exclude each other");
            throw new KernelException(Errno.EINVAL, "pci: pci.platform and pci.machine exclude each other");
        }
        if (file.isEmpty()) {
            String embedded = MACHINES.get(machine.orElse("x86"));
            if (embedded == null) {
                kernel.log().err("pci: unknown machine '" + machine.get() + "'");
                throw new KernelException(Errno.EINVAL, "pci: unknown machine '" + machine.get()
                        + "' (expected x86 or power)");
            }
            return parser.parse(embedded, embeddedPlatform(embedded));
        }
        try {
            return parser.parse(file.get(), Files.readString(Path.of(file.get())));
        } catch (IOException e) {
            kernel.log().err("pci: cannot read platform " + file.get() + ": " + e);
            throw new KernelException(Errno.ENOENT, "pci: cannot read platform " + file.get(), e);
        }
    }

    private static String embeddedPlatform(String name) {
        try (InputStream in = PlatformParser.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("pci: the embedded platform " + name + " is unreadable", e);
        }
    }

    /**
     * The IOMMU as the platform code of v3.14 sets it up: on POWER each group (a PE) gets the TCE
     * table of its 32-bit window, as {@code pnv_pci_ioda2_setup_dma_pe} logs it.
     */
    private void setUpIommu(Platform platform) {
        iommu.setModel(platform.iommu());
        if (platform.iommu() != IommuModel.SPAPR_TCE) {
            return;
        }
        for (Map.Entry<Integer, TceWindow> entry : platform.windows().entrySet()) {
            TceWindow window = entry.getValue();
            iommu.registerTceTable(iommu.group(entry.getKey()), window.start(), window.size());
            kernel.log().info(String.format("pci: [PE# %d] Setting up 32-bit TCE table at %x..%x", entry.getKey(),
                    window.start(), window.start() + window.size()));
        }
    }

    private FunctionImpl createFunction(FunctionSpec spec, PciDeviceModel model) throws PlatformException {
        try {
            FunctionImpl function = new FunctionImpl(spec.address(), spec.group(), kernel, iommu, model, spec.parameters());
            kernel.log().info(String.format("pci %s: [%04x:%04x] type 00 class 0x%06x", spec.address(),
                    function.config().vendorId(), function.config().deviceId(), function.config().classCode()));
            return function;
        } catch (IllegalArgumentException e) {
            throw new PlatformException(spec.where(), e.getMessage());
        }
    }

    /** One stand-in per host driver the platform names, holding exactly the functions given to it. */
    private void registerHostDrivers(List<Enumerated> created) throws KernelException {
        Map<String, List<FunctionImpl>> byDriver = new LinkedHashMap<>();
        for (Enumerated entry : created) {
            entry.hostDriver().ifPresent(d -> byDriver.computeIfAbsent(d, k -> new ArrayList<>()).add(entry.function()));
        }
        for (Map.Entry<String, List<FunctionImpl>> entry : byDriver.entrySet()) {
            List<PciDeviceId> ids = entry.getValue().stream()
                    .map(f -> new PciDeviceId(f.config().vendorId(), f.config().deviceId())).distinct().toList();
            Set<PciAddress> addresses = entry.getValue().stream().map(FunctionImpl::address).collect(Collectors.toSet());
            registerDriver(new HostDriver(entry.getKey(), ids, addresses));
        }
    }

    // ---- bus pci

    /** {@code pci_bus_match}. */
    private boolean match(Device device, DeviceDriver driver) {
        return driver instanceof DriverBinding binding && function(device).map(binding::matches).orElse(false);
    }

    /** Groups join at ADD_DEVICE, before any driver can bind, as the IOMMU's bus notifier does. */
    private void onBusEvent(BusEvent event, Device device) {
        FunctionImpl function = functions.get(device.name());
        if (function == null) {
            return;
        }
        String dir = SYSFS_DEVICES + device.name();
        switch (event) {
            case ADD_DEVICE -> added(function, device, dir);
            case BOUND_DRIVER -> kernel.vfs().publish(dir + "/driver",
                    () -> device.driver().map(d -> d.name() + "\n").orElse(""));
            case UNBOUND_DRIVER -> kernel.vfs().unpublish(dir + "/driver");
            default -> {
                // the other events change nothing the PCI core shows
            }
        }
    }

    private void added(FunctionImpl function, Device device, String dir) {
        function.setDevice(device);
        try {
            iommu.addDevice(iommu.group(function.groupId()), device);
        } catch (KernelException e) {
            kernel.log().err("pci " + device.name() + ": cannot join iommu group " + function.groupId() + ": " + e.getMessage());
        }
        Vfs vfs = kernel.vfs();
        vfs.publish(dir + "/vendor", () -> String.format("0x%04x%n", function.config().vendorId()));
        vfs.publish(dir + "/device", () -> String.format("0x%04x%n", function.config().deviceId()));
        vfs.publish(dir + "/class", () -> String.format("0x%06x%n", function.config().classCode()));
        vfs.publish(dir + "/iommu_group", () -> function.groupId() + "\n");
    }

    FunctionImpl functionOf(Device device) {
        return (FunctionImpl) function(device).orElseThrow(() -> new IllegalArgumentException("not a PCI device: " + device.name()));
    }

    // ---- the API

    @Override
    public Bus bus() {
        return bus;
    }

    @Override
    public List<PciFunction> functions() {
        return List.copyOf(functions.values());
    }

    @Override
    public Optional<PciFunction> function(String address) {
        return Optional.ofNullable(functions.get(address));
    }

    @Override
    public Optional<PciFunction> function(Device device) {
        return device.bus().filter(b -> b == bus).map(b -> functions.get(device.name()));
    }

    @Override
    public void registerDriver(PciDriver driver) throws KernelException {
        kernel.tracker().acquire(PCI_REGISTER_DRIVER, () -> {
            DriverBinding binding = new DriverBinding(driver, this);
            kernel.devices().driverRegister(bus, binding);
            drivers.put(driver.name(), binding);
            return binding;
        }, binding -> resource(driver));
    }

    @Override
    public void unregisterDriver(PciDriver driver) {
        DriverBinding binding = drivers.get(driver.name());
        if (binding == null || binding.pciDriver() != driver) {
            return;
        }
        kernel.tracker().release("pci_unregister_driver", resource(driver), () -> {
            kernel.devices().driverUnregister(binding);
            drivers.remove(driver.name(), binding);
        });
    }

    private static String resource(PciDriver driver) {
        return "pci_driver " + driver.name();
    }

    @Override
    public void newId(String driverName, int vendor, int device) throws KernelException {
        DriverBinding binding = registered(driverName);
        binding.addDynamicId(new PciDeviceId(vendor, device));
        // driver_attach: every function still without a driver gets its chance
        for (FunctionImpl function : List.copyOf(functions.values())) {
            if (function.device().driver().isEmpty() && binding.matches(function)) {
                try {
                    kernel.devices().bind(binding, function.device());
                } catch (KernelException refused) {
                    // a refusal (override, probe) leaves the function unbound, as driver_attach ignores it
                }
            }
        }
    }

    @Override
    public void setDriverOverride(String address, String driverName) throws KernelException {
        FunctionImpl function = existing(address, Errno.ENOENT);
        kernel.devices().setDriverOverride(function.device(), driverName.strip().isEmpty() ? null : driverName.strip());
    }

    @Override
    public void bind(String driverName, String address) throws KernelException {
        DriverBinding binding = registered(driverName);
        kernel.devices().bind(binding, existing(address, Errno.ENODEV).device());
    }

    @Override
    public void unbind(String driverName, String address) throws KernelException {
        DriverBinding binding = registered(driverName);
        Device device = existing(address, Errno.ENODEV).device();
        if (device.driver().orElse(null) != binding) {
            throw new KernelException(Errno.ENODEV, driverName + ": " + address + " is not bound to it");
        }
        kernel.devices().unbind(device);
    }

    /** A sysfs write file of a driver exists only while the driver is registered. */
    private DriverBinding registered(String driverName) throws KernelException {
        DriverBinding binding = drivers.get(driverName);
        if (binding == null) {
            throw new KernelException(Errno.ENOENT, "/sys/bus/pci/drivers/" + driverName + ": " + Errno.ENOENT.message());
        }
        return binding;
    }

    private FunctionImpl existing(String address, Errno errno) throws KernelException {
        FunctionImpl function = functions.get(address);
        if (function == null) {
            throw new KernelException(errno, "pci " + address + ": " + errno.message());
        }
        return function;
    }
}
