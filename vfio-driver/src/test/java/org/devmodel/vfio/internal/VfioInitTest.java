package org.devmodel.vfio.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.vfio.internal.VfioUser.assertErrno;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fault.FaultRule;
import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.log.LogRecord;
import org.devmodel.core.module.KernelModuleInfo;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.vfio.VfioRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** vfio's metadata, {@code init} and {@code exit} in the seed's order, and the unwind of each failing step. */
class VfioInitTest {
    /** The four acquisitions of the seed's {@code vfio_init}, in order. */
    private static final List<String> SEED_STEPS =
            List.of("misc_register", "class_create", "alloc_chrdev_region", "cdev_add");
    /** What each step fails with by nature. */
    private static final List<Errno> NATURAL = List.of(Errno.EBUSY, Errno.ENOMEM, Errno.EBUSY, Errno.ENOMEM);

    private VfioHarness harness;

    @BeforeEach
    void boot() throws KernelException {
        harness = new VfioHarness();
    }

    @AfterEach
    void shutDown() {
        harness.close();
    }

    /** vfio's own calls (not those nested in them) of one kind since a mark. */
    private List<LedgerEvent> vfioCalls(long mark, LedgerEvent.Kind kind) {
        return harness.kernel.ledger().since(mark).stream()
                .filter(e -> e.owner().equals("vfio") && !e.nested() && e.kind() == kind)
                .toList();
    }

    private static List<String> sites(List<LedgerEvent> events) {
        return events.stream().map(LedgerEvent::site).toList();
    }

    private static List<String> resources(List<LedgerEvent> events) {
        return events.stream().map(LedgerEvent::resource).toList();
    }

    @Test
    void theModuleInfoIsTheSeeds() {
        KernelModuleInfo info = Vfio.class.getAnnotation(KernelModuleInfo.class);
        assertThat(info.name()).isEqualTo("vfio");
        assertThat(info.version()).isEqualTo("0.3");
        assertThat(info.description()).isEqualTo("VFIO - User Level meta-driver");
        assertThat(info.license()).isEqualTo("GPL v2");
        assertThat(info.aliases()).containsExactly("char-major-10-196", "devname:vfio/vfio");
    }

    @Test
    void initAcquiresInTheSeedsOrderLogsItsVersionAndAsksForTheBackendsWithoutWaiting() throws KernelException {
        long mark = harness.kernel.ledger().mark();
        harness.load(new Vfio());

        assertThat(sites(vfioCalls(mark, LedgerEvent.Kind.ACQUIRE))).isEqualTo(SEED_STEPS);
        assertThat(vfioCalls(mark, LedgerEvent.Kind.RELEASE)).isEmpty();
        assertThat(harness.kernel.log().records()).extracting(LogRecord::text)
                .contains("VFIO - User Level meta-driver version: 0.3");
        assertThat(harness.context.requestedNowait()).containsExactly("vfio_iommu_type1", "vfio_iommu_spapr_tce");
        assertThat(harness.kernel.vfs().readText("/proc/misc")).contains("196 vfio\n");
        assertThat(harness.kernel.vfs().stat("/dev/vfio/vfio").rdev()).contains(DevT.of(10, 196));
        assertThat(harness.kernel.vfs().stat("/dev/vfio/vfio").permissions()).isEqualTo(0666);
    }

    @Test
    void theGroupRegionIsDynamicWithMinormaskMinors() throws KernelException {
        long mark = harness.kernel.ledger().mark();
        harness.load(new Vfio());

        String region = vfioCalls(mark, LedgerEvent.Kind.ACQUIRE).get(2).resource();
        assertThat(region).isEqualTo("chrdev_region 254:0+" + DevT.MINORMASK);
        assertThat(harness.kernel.vfs().readText("/proc/devices")).contains("254 vfio\n");
    }

    @Test
    void exitReleasesInTheSeedsOrderAndLeavesTheKernelAsBefore() throws KernelException {
        KernelSnapshot before = harness.kernel.snapshot();
        harness.load(new Vfio());
        long mark = harness.kernel.ledger().mark();
        harness.unload();

        assertThat(sites(vfioCalls(mark, LedgerEvent.Kind.RELEASE)))
                .containsExactly("cdev_del", "unregister_chrdev_region", "class_destroy", "misc_deregister");
        assertThat(harness.kernel.snapshot()).isEqualTo(before);
        // the node the seed made static stays, made at boot from modules.devname
        assertThat(harness.kernel.vfs().devtmpfs().staticNodes()).containsExactly("c 10:196 0666 0:0 vfio/vfio");
        assertThat(harness.kernel.vfs().devtmpfs().kernelNodes()).isEmpty();
    }

    @Test
    void aFreshInstanceLoadsAgainAfterExit() throws KernelException {
        harness.load(new Vfio());
        harness.unload();
        harness.load(new Vfio());
        assertThat(harness.kernel.vfs().exists("/dev/vfio/vfio")).isTrue();
        assertThat(harness.context.exported(VfioRegistry.class)).isSameAs(harness.vfio);
    }

    /**
     * Fails step k of {@code init} and checks the unwind: the steps before k are released in
     * reverse, and the kernel is as before.
     */
    private void assertUnwindsCompletely(Vfio module, int step) throws KernelException {
        KernelSnapshot before = harness.kernel.snapshot();
        long mark = harness.kernel.ledger().mark();
        harness.kernel.faults().arm(FaultRule.atStep("vfio", step));

        assertErrno(NATURAL.get(step - 1), () -> harness.load(module));

        List<LedgerEvent> acquired = vfioCalls(mark, LedgerEvent.Kind.ACQUIRE);
        assertThat(sites(acquired)).isEqualTo(SEED_STEPS.subList(0, step - 1));
        List<String> undone = new ArrayList<>(resources(acquired));
        Collections.reverse(undone);
        assertThat(resources(vfioCalls(mark, LedgerEvent.Kind.RELEASE))).as("unwind at step " + step).isEqualTo(undone);
        assertThat(harness.kernel.snapshot()).as("kernel after failing step " + step).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void failingEachStepUnwindsExactlyTheStepsBeforeItInReverse(int step) throws KernelException {
        assertUnwindsCompletely(new Vfio(), step);
    }

    @Test
    void aFailedMiscRegisterIsLoggedAsTheSeedLogsIt() throws KernelException {
        assertUnwindsCompletely(new Vfio(), 1);
        assertThat(harness.kernel.log().records()).extracting(LogRecord::text)
                .contains("vfio: misc device register failed");
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void aVariantThatForgetsTheErrClassLabelIsCaughtAtEveryLaterStep(int step) {
        Vfio broken = new Vfio();
        broken.forgetErrClass = true;
        assertThatThrownBy(() -> assertUnwindsCompletely(broken, step))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("unwind at step " + step);
    }
}
