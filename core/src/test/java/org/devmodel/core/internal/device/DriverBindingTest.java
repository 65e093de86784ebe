package org.devmodel.core.internal.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.core.internal.Errnos.errnoOf;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusEvent;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.internal.fault.Tracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Buses, drivers and binding: the bus notifier events in the order v3.14's driver core sends them
 * ({@code device_add}, {@code really_probe}, {@code __device_release_driver}, {@code device_del}),
 * {@code driver_override}, and probe refusals.
 */
class DriverBindingTest {
    private Kernel kernel;
    private Bus bus;
    private final List<String> events = new ArrayList<>();

    /** A driver whose probe answers a chosen errno, recording its calls in the same list as the notifier. */
    private final class TestDriver implements DeviceDriver {
        private final String name;
        private Errno refusal;

        TestDriver(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void probe(Device device) throws KernelException {
            events.add("probe " + name + " " + device.name() + " driver=" + device.driver().map(DeviceDriver::name)
                    .orElse("-"));
            if (refusal != null) {
                throw new KernelException(refusal);
            }
            device.setDriverData("data of " + name);
        }

        @Override
        public void remove(Device device) {
            events.add("remove " + name + " " + device.name());
        }
    }

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
        bus = kernel.devices().busRegister("test", (device, driver) -> device.name().startsWith(driver.name()));
        kernel.devices().busNotifierRegister(bus, (event, device) -> events.add(event + " " + device.name()));
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    @Test
    void aDeviceAddedUnderARegisteredDriverIsAnnouncedThenBound() throws Exception {
        TestDriver driver = new TestDriver("foo");
        kernel.devices().driverRegister(bus, driver);

        Device device = kernel.devices().deviceRegister(bus, "foo0", null);

        assertThat(events).containsExactly("ADD_DEVICE foo0", "BIND_DRIVER foo0", "probe foo foo0 driver=foo",
                "BOUND_DRIVER foo0");
        assertThat(device.driver()).containsSame(driver);
        assertThat(device.driverData()).contains("data of foo");
    }

    @Test
    void aDriverRegisteredLaterBindsTheUnboundDevicesItMatches() throws Exception {
        kernel.devices().deviceRegister(bus, "foo0", null);
        Device other = kernel.devices().deviceRegister(bus, "bar0", null);
        events.clear();

        kernel.devices().driverRegister(bus, new TestDriver("foo"));

        assertThat(events).containsExactly("BIND_DRIVER foo0", "probe foo foo0 driver=foo", "BOUND_DRIVER foo0");
        assertThat(other.driver()).isEmpty();
    }

    @Test
    void unbindSendsUnbindRemoveUnboundAndClearsDriverAndData() throws Exception {
        kernel.devices().driverRegister(bus, new TestDriver("foo"));
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);
        events.clear();

        kernel.devices().unbind(device);

        assertThat(events).containsExactly("UNBIND_DRIVER foo0", "remove foo foo0", "UNBOUND_DRIVER foo0");
        assertThat(device.driver()).isEmpty();
        assertThat(device.driverData()).isEmpty();
    }

    @Test
    void unbindOfAnUnboundDeviceSendsNothing() throws Exception {
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);
        events.clear();

        kernel.devices().unbind(device);

        assertThat(events).isEmpty();
    }

    @Test
    void unregisteringABoundDeviceSendsDelDeviceBeforeTheUnbind() throws Exception {
        kernel.devices().driverRegister(bus, new TestDriver("foo"));
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);
        events.clear();

        kernel.devices().deviceUnregister(device);

        assertThat(events).containsExactly("DEL_DEVICE foo0", "UNBIND_DRIVER foo0", "remove foo foo0",
                "UNBOUND_DRIVER foo0");
        assertThat(kernel.devices().busDevices(bus)).isEmpty();
        assertThat(kernel.vfs().exists("/sys/bus/test/devices/foo0")).isFalse();
    }

    @Test
    void theWholeLifeOfADeviceInOrder() throws Exception {
        TestDriver driver = new TestDriver("foo");
        kernel.devices().driverRegister(bus, driver);
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);
        kernel.devices().unbind(device);
        kernel.devices().bind(driver, device);
        kernel.devices().deviceUnregister(device);

        assertThat(events).filteredOn(e -> !e.startsWith("probe") && !e.startsWith("remove")).containsExactly(
                "ADD_DEVICE foo0", "BIND_DRIVER foo0", "BOUND_DRIVER foo0",
                "UNBIND_DRIVER foo0", "UNBOUND_DRIVER foo0",
                "BIND_DRIVER foo0", "BOUND_DRIVER foo0",
                "DEL_DEVICE foo0", "UNBIND_DRIVER foo0", "UNBOUND_DRIVER foo0");
    }

    @Test
    void driverUnregisterUnbindsEveryDeviceItDrives() throws Exception {
        TestDriver driver = new TestDriver("foo");
        kernel.devices().driverRegister(bus, driver);
        Device a = kernel.devices().deviceRegister(bus, "foo0", null);
        Device b = kernel.devices().deviceRegister(bus, "foo1", null);
        events.clear();

        kernel.devices().driverUnregister(driver);

        assertThat(events).containsExactly("UNBIND_DRIVER foo0", "remove foo foo0", "UNBOUND_DRIVER foo0",
                "UNBIND_DRIVER foo1", "remove foo foo1", "UNBOUND_DRIVER foo1");
        assertThat(a.driver()).isEmpty();
        assertThat(b.driver()).isEmpty();
        assertThat(kernel.devices().driver(bus, "foo")).isEmpty();
        assertThat(kernel.vfs().exists("/sys/bus/test/drivers/foo")).isFalse();
    }

    @Test
    void aProbeRefusingWithEnodevIsQuietAndLeavesTheDeviceUnbound() throws Exception {
        TestDriver driver = new TestDriver("foo");
        driver.refusal = Errno.ENODEV;
        kernel.devices().driverRegister(bus, driver);

        Device device = kernel.devices().deviceRegister(bus, "foo0", null);

        assertThat(events).containsExactly("ADD_DEVICE foo0", "BIND_DRIVER foo0", "probe foo foo0 driver=foo");
        assertThat(device.driver()).isEmpty();
        assertThat(kernel.log().dmesg()).doesNotContain("probe of foo0");
    }

    @Test
    void aProbeRefusingWithEnxioIsQuietToo() throws Exception {
        TestDriver driver = new TestDriver("foo");
        driver.refusal = Errno.ENXIO;
        kernel.devices().driverRegister(bus, driver);

        kernel.devices().deviceRegister(bus, "foo0", null);

        assertThat(kernel.log().dmesg()).doesNotContain("probe of foo0");
    }

    @Test
    void aProbeFailingWithAnotherErrnoIsLoggedWithTheNegativeErrno() throws Exception {
        TestDriver driver = new TestDriver("foo");
        driver.refusal = Errno.ENOMEM;
        kernel.devices().driverRegister(bus, driver);

        Device device = kernel.devices().deviceRegister(bus, "foo0", null);

        assertThat(device.driver()).isEmpty();
        assertThat(device.driverData()).isEmpty();
        assertThat(kernel.log().dmesg()).contains("foo: probe of foo0 failed with error -12");
    }

    @Test
    void afterARefusalTheNextMatchingDriverGetsItsTurn() throws Exception {
        TestDriver first = new TestDriver("f");
        first.refusal = Errno.ENODEV;
        TestDriver second = new TestDriver("fo");
        kernel.devices().driverRegister(bus, first);
        kernel.devices().driverRegister(bus, second);

        Device device = kernel.devices().deviceRegister(bus, "foo0", null);

        assertThat(device.driver()).containsSame(second);
        assertThat(events).containsSubsequence("probe f foo0 driver=f", "probe fo foo0 driver=fo",
                "BOUND_DRIVER foo0");
    }

    @Test
    void bindOfARefusedProbeIsEnodevWhateverTheProbesErrno() throws Exception {
        TestDriver driver = new TestDriver("foo");
        driver.refusal = Errno.EBUSY;
        kernel.devices().driverRegister(bus, driver);
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);

        assertThat(errnoOf(() -> kernel.devices().bind(driver, device))).isEqualTo(Errno.ENODEV);
        assertThat(kernel.log().dmesg()).contains("foo: probe of foo0 failed with error -16");
    }

    @Test
    void bindOfABoundDeviceIsEnodevAndChangesNothing() throws Exception {
        TestDriver foo = new TestDriver("foo");
        TestDriver other = new TestDriver("other");
        kernel.devices().driverRegister(bus, foo);
        kernel.devices().driverRegister(bus, other);
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);
        kernel.devices().setDriverOverride(device, "other");
        events.clear();

        assertThat(errnoOf(() -> kernel.devices().bind(other, device))).isEqualTo(Errno.ENODEV);
        assertThat(device.driver()).containsSame(foo);
        assertThat(events).isEmpty();
    }

    @Test
    void bindOfADriverThatDoesNotMatchIsEnodev() throws Exception {
        TestDriver driver = new TestDriver("bar");
        kernel.devices().driverRegister(bus, driver);
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);

        assertThat(errnoOf(() -> kernel.devices().bind(driver, device))).isEqualTo(Errno.ENODEV);
        assertThat(device.driver()).isEmpty();
    }

    @Test
    void driverOverrideLetsOnlyTheNamedDriverBindEvenWithoutAMatch() throws Exception {
        TestDriver foo = new TestDriver("foo");
        TestDriver vfio = new TestDriver("vfio-pci");
        kernel.devices().driverRegister(bus, foo);
        kernel.devices().driverRegister(bus, vfio);
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);
        kernel.devices().unbind(device);

        kernel.devices().setDriverOverride(device, "vfio-pci");

        assertThat(kernel.vfs().readText("/sys/bus/test/devices/foo0/driver_override")).isEqualTo("vfio-pci\n");
        assertThat(errnoOf(() -> kernel.devices().bind(foo, device))).isEqualTo(Errno.ENODEV);
        kernel.devices().bind(vfio, device);
        assertThat(device.driver()).containsSame(vfio);
    }

    @Test
    void clearingDriverOverrideRestoresTheBusMatch() throws Exception {
        TestDriver foo = new TestDriver("foo");
        kernel.devices().driverRegister(bus, foo);
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);
        kernel.devices().unbind(device);
        kernel.devices().setDriverOverride(device, "nobody");
        kernel.devices().setDriverOverride(device, null);

        assertThat(device.driverOverride()).isEmpty();
        assertThat(kernel.vfs().readText("/sys/bus/test/devices/foo0/driver_override")).isEqualTo("(null)\n");
        kernel.devices().bind(foo, device);
        assertThat(device.driver()).containsSame(foo);
    }

    @Test
    void aDriverOverrideSetBeforeTheDriverArrivesDecidesTheAutomaticBind() throws Exception {
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);
        kernel.devices().setDriverOverride(device, "vfio-pci");

        kernel.devices().driverRegister(bus, new TestDriver("foo"));
        assertThat(device.driver()).isEmpty();
        kernel.devices().driverRegister(bus, new TestDriver("vfio-pci"));
        assertThat(device.driver()).map(DeviceDriver::name).contains("vfio-pci");
    }

    @Test
    void aDriverNameTakenOnTheBusIsEbusy() throws Exception {
        kernel.devices().driverRegister(bus, new TestDriver("foo"));

        assertThat(errnoOf(() -> kernel.devices().driverRegister(bus, new TestDriver("foo")))).isEqualTo(Errno.EBUSY);
        assertThat(kernel.log().dmesg()).contains("Error: Driver 'foo' is already registered, aborting...");
    }

    @Test
    void aBusNameTakenIsEexistAndADeviceNameTakenOnTheBusIsEexist() throws Exception {
        kernel.devices().deviceRegister(bus, "foo0", null);

        assertThat(errnoOf(() -> kernel.devices().busRegister("test", BusMatcher.NONE))).isEqualTo(Errno.EEXIST);
        assertThat(errnoOf(() -> kernel.devices().deviceRegister(bus, "foo0", null))).isEqualTo(Errno.EEXIST);
        assertThat(kernel.devices().busDevices(bus)).hasSize(1);
    }

    @Test
    void aProbeThatThrowsIsADriverBugReportedAndTheKernelGoesOn() throws Exception {
        DeviceDriver buggy = new DeviceDriver() {
            @Override
            public String name() {
                return "foo";
            }

            @Override
            public void probe(Device device) {
                throw new IllegalStateException("oops");
            }

            @Override
            public void remove(Device device) {
            }
        };
        kernel.devices().driverRegister(bus, buggy);

        Device device = kernel.devices().deviceRegister(bus, "foo0", null);

        assertThat(device.driver()).isEmpty();
        assertThat(kernel.log().dmesg()).contains("BUG: kernel: probe threw java.lang.IllegalStateException: oops");
        assertThat(kernel.devices().busDevices(bus)).containsExactly(device);
    }

    @Test
    void aBusDeviceHasItsDriverOverrideFileUntilItIsUnregisteredAndTheBusDirectoriesStay() throws Exception {
        Device device = kernel.devices().deviceRegister(bus, "foo0", null);
        assertThat(kernel.vfs().readText("/sys/bus/test/devices/foo0/driver_override")).isEqualTo("(null)\n");

        kernel.devices().deviceUnregister(device);

        assertThat(kernel.vfs().list("/sys/bus/test")).containsExactly("devices", "drivers");
        assertThat(kernel.vfs().list("/sys/bus/test/devices")).isEmpty();
    }

    /**
     * Two {@code driver_unregister} calls that both find the driver registered would both record a
     * release. The test holds the ledger's lock, so the first call stops right before recording,
     * and lets the second one run up to the same point (or return, having found nothing to do).
     */
    @Test
    void twoConcurrentUnregistersOfOneDriverRecordOneRelease() throws Exception {
        TestDriver driver = new TestDriver("race");
        kernel.devices().driverRegister(bus, driver);
        long mark = kernel.ledger().mark();
        Field lockField = Tracker.class.getDeclaredField("lock");
        lockField.setAccessible(true);
        Thread first = new Thread(() -> kernel.devices().driverUnregister(driver), "unregister-1");
        Thread second = new Thread(() -> kernel.devices().driverUnregister(driver), "unregister-2");

        synchronized (lockField.get(kernel.tracker())) {
            first.start();
            awaitState(first, Thread.State.BLOCKED);
            second.start();
            awaitState(second, Thread.State.BLOCKED);
        }
        first.join(10_000);
        second.join(10_000);

        assertThat(first.isAlive() || second.isAlive()).as("both unregisters returned").isFalse();
        assertThat(kernel.ledger().since(mark)).filteredOn(e -> e.site().equals("driver_unregister"))
                .as("driver_unregister releases").hasSize(1);
        assertThat(kernel.devices().driver(bus, "race")).isEmpty();
    }

    /** Waits up to 10 s until a thread is in a state or has ended. */
    private static void awaitState(Thread thread, Thread.State state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != state && thread.getState() != Thread.State.TERMINATED) {
            assertThat(System.nanoTime()).as(thread.getName() + " reaches " + state).isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
