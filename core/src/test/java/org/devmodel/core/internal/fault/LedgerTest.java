package org.devmodel.core.internal.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.device.DevnodeCallback;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.fault.LedgerEvent.Kind;
import org.devmodel.core.fs.FileOperations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resource ledger: acquisitions and releases in order, with their owner and parent call. */
class LedgerTest {
    private static final FaultSite MISC_REGISTER = new FaultSite("misc_register", Errno.ENOMEM);

    private Kernel kernel;
    private DeviceClass misc;

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
        misc = kernel.devices().classCreate("misc", DevnodeCallback.NONE);
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    @Test
    void eachAcquisitionAndReleaseIsRecordedInOrderNamingItsResource() throws Exception {
        long mark = kernel.ledger().mark();
        DevT base = kernel.chrdev().allocRegion(0, 4, "demo");
        var cdev = kernel.chrdev().cdevAdd(base, 4, new FileOperations() { });
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, base, null, "demo0");
        kernel.devices().deviceDestroy(cls, base);
        kernel.devices().classDestroy(cls);
        kernel.chrdev().cdevDel(cdev);
        kernel.chrdev().unregisterRegion(base, 4);

        assertThat(kernel.ledger().since(mark)).extracting(LedgerEvent::toString).containsExactly(
                "acquire alloc_chrdev_region(chrdev_region 254:0+4) by kernel",
                "acquire cdev_add(cdev 254:0+4) by kernel",
                "acquire class_create(class demo) by kernel",
                "acquire device_create(device demo/demo0 (254:0)) by kernel",
                "release device_destroy(device demo/demo0 (254:0)) by kernel",
                "release class_destroy(class demo) by kernel",
                "release cdev_del(cdev 254:0+4) by kernel",
                "release unregister_chrdev_region(chrdev_region 254:0+4) by kernel");
        assertThat(kernel.ledger().since(mark)).extracting(LedgerEvent::sequence)
                .containsExactly(mark, mark + 1, mark + 2, mark + 3, mark + 4, mark + 5, mark + 6, mark + 7);
    }

    @Test
    void anAcquisitionMadeInsideATrackedCallIsRecordedAsItsChild() throws Exception {
        long mark = kernel.ledger().mark();

        kernel.tracker().acquire(MISC_REGISTER,
                () -> kernel.devices().deviceCreate(misc, null, DevT.of(10, 196), null, "vfio"),
                d -> "misc 196 " + d.name());

        List<LedgerEvent> events = kernel.ledger().since(mark);
        LedgerEvent outer = events.stream().filter(e -> e.site().equals("misc_register")).findFirst().orElseThrow();
        LedgerEvent inner = events.stream().filter(e -> e.site().equals("device_create")).findFirst().orElseThrow();
        assertThat(events).hasSize(2);
        assertThat(outer.nested()).isFalse();
        assertThat(outer.resource()).isEqualTo("misc 196 vfio");
        assertThat(inner.nested()).isTrue();
        assertThat(inner.parentScope()).isEqualTo(outer.scope());
        assertThat(inner.scope()).isNotEqualTo(outer.scope());
    }

    @Test
    void aReleaseMadeInsideATrackedReleaseIsItsChild() throws Exception {
        Device device = kernel.tracker().acquire(MISC_REGISTER,
                () -> kernel.devices().deviceCreate(misc, null, DevT.of(10, 196), null, "vfio"), d -> "misc 196");
        long mark = kernel.ledger().mark();

        kernel.tracker().release("misc_deregister", "misc 196",
                () -> kernel.devices().deviceDestroy(misc, device.devt().orElseThrow()));

        List<LedgerEvent> events = kernel.ledger().since(mark);
        assertThat(events).extracting(LedgerEvent::kind, LedgerEvent::site)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.RELEASE, "misc_deregister"),
                        org.assertj.core.groups.Tuple.tuple(Kind.RELEASE, "device_destroy"));
        assertThat(events.get(1).parentScope()).isEqualTo(events.get(0).scope());
        assertThat(events.get(0).nested()).isFalse();
    }

    @Test
    void callsMadeAsAModuleAreOwnedByItAndOnlyItsOwnCallsAreSteps() throws Exception {
        Tracker tracker = (Tracker) kernel.tracker();
        long mark = kernel.ledger().mark();

        tracker.callAs("demo", () -> kernel.tracker().acquire(MISC_REGISTER,
                () -> kernel.devices().deviceCreate(misc, null, DevT.of(10, 1), null, "d"), d -> "misc 1"));

        assertThat(kernel.ledger().since(mark)).extracting(LedgerEvent::owner).containsOnly("demo");
        assertThat(kernel.faults().steps("demo")).isEqualTo(1);
        assertThat(kernel.ledger().outstanding("demo")).extracting(LedgerEvent::site)
                .containsExactlyInAnyOrder("misc_register", "device_create");
        assertThat(kernel.ledger().outstanding(LedgerEvent.KERNEL)).extracting(LedgerEvent::resource)
                .containsExactly("class misc");
    }

    @Test
    void outstandingDropsWhatWasReleased() throws Exception {
        DevT a = kernel.chrdev().allocRegion(0, 1, "a");
        DevT b = kernel.chrdev().allocRegion(0, 1, "b");

        kernel.chrdev().unregisterRegion(a, 1);

        assertThat(kernel.ledger().outstanding(LedgerEvent.KERNEL)).extracting(LedgerEvent::resource)
                .containsExactly("class misc", "chrdev_region " + b + "+1");
    }

    @Test
    void aLongLivedLedgerKeepsItsOutstandingAcquisitionsAndABoundedHistory() throws Exception {
        Tracker tracker = new Tracker(64);
        long first = tracker.mark();
        tracker.acquire(MISC_REGISTER, () -> "kept", r -> "misc 1 " + r);
        for (int i = 0; i < 1000; i++) {
            String name = "misc 2 cycle" + i;
            tracker.acquire(MISC_REGISTER, () -> name, r -> r);
            tracker.release("misc_deregister", name, () -> { });
        }
        long recent = tracker.mark() - 10;

        assertThat(catchThrowable(() -> tracker.since(first))).as("the first events were trimmed")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trimmed");
        assertThat(tracker.since(recent)).hasSize(10).extracting(LedgerEvent::sequence).startsWith(recent);
        assertThat(tracker.outstanding(LedgerEvent.KERNEL)).extracting(LedgerEvent::resource)
                .containsExactly("misc 1 kept");
        assertThat(tracker.outstanding()).extracting(LedgerEvent::resource).containsExactly("misc 1 kept");
        assertThat(catchThrowable(() -> tracker.since(0))).as("everything, after trimming")
                .isInstanceOf(IllegalStateException.class);
        assertThat(new Tracker(64).since(0)).as("everything, before any event").isEmpty();
    }
}
