package org.devmodel.core.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.core.internal.Errnos.errnoOf;

import java.util.List;
import java.util.stream.Stream;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.DevnodeCallback;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.fault.InjectedFault;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A fault armed at each core site fails the acquisition with its natural or chosen errno and changes nothing. */
class FaultInjectionTest {
    private Kernel kernel;
    private DeviceClass existingClass;
    private Bus bus;

    /** One acquisition through a core fault site. */
    @FunctionalInterface
    interface Acquisition {
        void run(FaultInjectionTest test) throws KernelException;
    }

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
        existingClass = kernel.devices().classCreate("existing", DevnodeCallback.NONE);
        bus = kernel.devices().busRegister("test", BusMatcher.NONE);
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    static Stream<Arguments> sites() {
        return Stream.of(
                Arguments.of("class_create", Errno.ENOMEM,
                        (Acquisition) t -> t.kernel.devices().classCreate("demo", DevnodeCallback.NONE)),
                Arguments.of("device_create", Errno.ENOMEM, (Acquisition) t -> t.kernel.devices()
                        .deviceCreate(t.existingClass, null, DevT.of(240, 0), null, "demo0")),
                Arguments.of("alloc_chrdev_region", Errno.EBUSY,
                        (Acquisition) t -> t.kernel.chrdev().allocRegion(0, 1, "demo")),
                Arguments.of("register_chrdev_region", Errno.EBUSY,
                        (Acquisition) t -> t.kernel.chrdev().registerRegion(DevT.of(240, 0), 1, "demo")),
                Arguments.of("cdev_add", Errno.ENOMEM,
                        (Acquisition) t -> t.kernel.chrdev().cdevAdd(DevT.of(240, 0), 1, new FileOperations() { })),
                Arguments.of("register_chrdev", Errno.EBUSY,
                        (Acquisition) t -> t.kernel.chrdev().registerChrdev(0, "demo", new FileOperations() { })),
                Arguments.of("driver_register", Errno.ENOMEM,
                        (Acquisition) t -> t.kernel.devices().driverRegister(t.bus, new NullDriver())));
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("sites")
    void aFaultAtTheSiteFailsWithItsNaturalErrnoAndChangesNothing(String site, Errno natural, Acquisition call) {
        KernelSnapshot before = kernel.snapshot();
        long mark = kernel.ledger().mark();
        InjectedFault fault = kernel.faults().arm(FaultRule.atSite(site));

        assertThat(errnoOf(() -> call.run(this))).isEqualTo(natural);
        assertThat(fault.fired()).isTrue();
        assertThat(fault.firedAt()).map(FaultSite::name).contains(site);
        assertThat(fault.injected()).contains(natural);
        assertThat(kernel.ledger().since(mark)).isEmpty();
        assertThat(kernel.snapshot()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} fails with an injected EIO")
    @MethodSource("sites")
    void aFaultWithAChosenErrnoFailsWithThatErrno(String site, Errno natural, Acquisition call) {
        InjectedFault fault = kernel.faults().arm(FaultRule.atSite(site).withErrno(Errno.EIO));

        assertThat(errnoOf(() -> call.run(this))).isEqualTo(Errno.EIO);
        assertThat(fault.injected()).contains(Errno.EIO);
    }

    @ParameterizedTest(name = "{0} fires once")
    @MethodSource("sites")
    void anArmedFaultFiresOnceAndTheNextCallSucceeds(String site, Errno natural, Acquisition call) throws Exception {
        kernel.faults().arm(FaultRule.atSite(site));
        errnoOf(() -> call.run(this));
        long mark = kernel.ledger().mark();

        call.run(this);

        assertThat(kernel.ledger().since(mark)).extracting(LedgerEvent::site).containsExactly(site);
    }

    @Test
    void aFaultAtAnotherSiteDoesNotFire() throws Exception {
        InjectedFault fault = kernel.faults().arm(FaultRule.atSite("cdev_add"));

        kernel.devices().classCreate("demo", DevnodeCallback.NONE);

        assertThat(fault.fired()).isFalse();
        assertThat(fault.firedAt()).isEmpty();
    }

    @Test
    void aDisarmedFaultNeverFires() throws Exception {
        InjectedFault fault = kernel.faults().arm(FaultRule.atSite("class_create"));
        fault.disarm();

        kernel.devices().classCreate("demo", DevnodeCallback.NONE);

        assertThat(fault.fired()).isFalse();
    }

    @Test
    void aFaultAtANestedSiteFailsTheOuterCallAndNothingIsRecorded() throws Exception {
        FaultSite miscRegister = new FaultSite("misc_register", Errno.ENOMEM);
        long mark = kernel.ledger().mark();
        kernel.faults().arm(FaultRule.atSite("device_create").withErrno(Errno.EEXIST));

        assertThat(errnoOf(() -> kernel.tracker().acquire(miscRegister,
                () -> kernel.devices().deviceCreate(existingClass, null, DevT.of(10, 196), null, "vfio"),
                d -> "misc 196 vfio"))).isEqualTo(Errno.EEXIST);
        assertThat(kernel.ledger().since(mark)).isEmpty();
    }

    @Test
    void theNthStepOfAnOwnerFailsAndNestedCallsAreNotSteps() throws Exception {
        Tracker tracker = (Tracker) kernel.tracker();
        FaultSite miscRegister = new FaultSite("misc_register", Errno.ENOMEM);
        InjectedFault fault = kernel.faults().arm(FaultRule.atStep("demo", 3));
        List<Errno> results = new java.util.ArrayList<>();

        tracker.callAs("demo", () -> {
            kernel.chrdev().allocRegion(0, 1, "demo");                  // step 1
            kernel.tracker().acquire(miscRegister, () ->                // step 2
                    kernel.devices().deviceCreate(existingClass, null, DevT.of(10, 1), null, "d1"), d -> "misc 1");
            results.add(catchErrno(() -> kernel.devices().classCreate("demo", DevnodeCallback.NONE))); // step 3
            kernel.devices().classCreate("demo", DevnodeCallback.NONE); // step 4
            return null;
        });

        assertThat(results).containsExactly(Errno.ENOMEM);
        assertThat(fault.firedAt()).map(FaultSite::name).contains("class_create");
        assertThat(kernel.faults().steps("demo")).isEqualTo(4);
        assertThat(kernel.ledger().outstanding("demo")).filteredOn(e -> !e.nested())
                .extracting(LedgerEvent::site)
                .containsExactly("alloc_chrdev_region", "misc_register", "class_create");
    }

    private static Errno catchErrno(Acquisition0 call) {
        try {
            call.run();
            return null;
        } catch (KernelException e) {
            return e.errno();
        }
    }

    @FunctionalInterface
    private interface Acquisition0 {
        void run() throws KernelException;
    }

    /** A driver that takes nothing. */
    private static final class NullDriver implements DeviceDriver {
        @Override
        public String name() {
            return "null";
        }

        @Override
        public void probe(Device device) {
        }

        @Override
        public void remove(Device device) {
        }
    }
}
