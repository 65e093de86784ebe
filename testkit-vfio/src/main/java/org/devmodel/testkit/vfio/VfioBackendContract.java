package org.devmodel.testkit.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_CHECK_EXTENSION;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_FLAGS_CONTAINER_SET;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_GROUP_FLAGS_VIABLE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_SET_IOMMU;

import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.testkit.InitFaultSweep;
import org.devmodel.testkit.ModuleUnderTest;
import org.devmodel.testkit.SweepCase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What vfio promises a user whatever IOMMU backend a container uses, as tests to run against one
 * backend: extend this class in the backend's tests and return its adapter.
 *
 * <pre>{@code
 * class Type1ContractTest extends VfioBackendContract {
 *     @Override
 *     protected VfioBackendAdapter adapter() {
 *         return new Type1Adapter();
 *     }
 * }
 * }</pre>
 *
 * <p>Each test boots the backend's machine ({@link VfioBackendAdapter#commandLine}), loads vfio,
 * binds edu {@code 0000:00:03.0} (IOMMU group 3) to a VFIO bus driver of the contract's and opens a
 * container and the group as root. It covers the links between container and group, the backend
 * module's references, DMA through a mapping and a logged IOMMU fault outside it, the release of the
 * backend's state when the container's last group leaves (the container fd closed, then the group's;
 * or {@code VFIO_GROUP_UNSET_CONTAINER}), and the testkit's init sweep of the backend module. The DMA
 * tests are skipped for a backend without mappings. What belongs to one backend alone (its own
 * ioctls, errnos and accounting) belongs in that backend's own tests.
 */
public abstract class VfioBackendContract {
    private VfioBackendAdapter adapter;
    private VfioMachine machine;
    private VfioSession session;

    /** {@return the adapter of the backend under test} */
    protected abstract VfioBackendAdapter adapter();

    /**
     * Boots the backend's machine and opens a container and group 3.
     *
     * @throws KernelException when the machine cannot start
     */
    @BeforeEach
    public void bootTheBackendsMachine() throws KernelException {
        adapter = adapter();
        machine = VfioMachine.boot(adapter);
        session = machine.open(VfioMachine.GROUP);
    }

    /** Shuts the machine down. */
    @AfterEach
    public void shutDown() {
        if (machine != null) {
            machine.close();
        }
    }

    // ---- steps -------------------------------------------------------------------------------------

    private void setIommu() throws KernelException {
        session.containerIoctl(VFIO_SET_IOMMU, adapter.iommuType());
        adapter.setUp(session);
    }

    private int refcount() {
        return kernel().modules().find(adapter.moduleName())
                .orElseThrow(() -> new AssertionError(adapter.moduleName() + " is not loaded")).refcount();
    }

    private Device edu() {
        return machine.device(VfioMachine.EDU);
    }

    private Kernel kernel() {
        return machine.kernel();
    }

    /** The window, for the DMA tests; they are skipped for a backend without mappings. */
    private DmaWindow window() throws KernelException {
        DmaWindow window = adapter.usableWindow(session).orElse(null);
        Assumptions.assumeTrue(window != null, adapter.moduleName() + " has no mappings");
        return window;
    }

    private static void assertErrno(Errno errno, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).as(e.getMessage()).isEqualTo(errno));
    }

    private void assertDmaFaults(long iova) {
        assertErrno(Errno.EFAULT, () -> machine.iommu().dmaRead(edu(), iova, 1));
        assertThat(kernel().log().dmesg()).as("the IOMMU fault is logged").contains("fault addr " + Long.toHexString(iova));
    }

    /** Maps one page of fresh memory at the window's start; {@return its user address} */
    private long mapFirstPage(DmaWindow window) throws KernelException {
        long buffer = session.task().memory().mmap(AddressSpace.PAGE_SIZE);
        adapter.map(session, buffer, window.start(), AddressSpace.PAGE_SIZE);
        return buffer;
    }

    // ---- the contract --------------------------------------------------------------------------------

    /** vfio's init asked for the backend, which serves its IOMMU type on the backend's machine. */
    @Test
    public void vfioLoadsTheBackendWhichServesItsType() throws KernelException {
        assertThat(kernel().modules().find(adapter.moduleName())).as("loaded by vfio's request").isPresent();
        assertThat(session.containerIoctl(VFIO_CHECK_EXTENSION, adapter.iommuType())).isEqualTo(1);
        assertThat(refcount()).as("no container uses it yet").isZero();
    }

    /** A group joins a container before the IOMMU is set, and leaving it takes the backend away. */
    @Test
    public void containerAndGroupAreLinkedUntilTheGroupLeaves() throws KernelException {
        assertThat(session.groupFlags()).isEqualTo(VFIO_GROUP_FLAGS_VIABLE);
        assertErrno(Errno.EINVAL, () -> session.containerIoctl(VFIO_SET_IOMMU, adapter.iommuType()));
        session.setContainer();
        assertThat(session.groupFlags()).isEqualTo(VFIO_GROUP_FLAGS_VIABLE | VFIO_GROUP_FLAGS_CONTAINER_SET);
        setIommu();
        assertThat(session.containerIoctl(VFIO_CHECK_EXTENSION, adapter.iommuType())).isEqualTo(1);
        assertErrno(Errno.EINVAL, () -> session.containerIoctl(VFIO_SET_IOMMU, adapter.iommuType()));

        session.unsetContainer();
        assertThat(session.groupFlags()).isEqualTo(VFIO_GROUP_FLAGS_VIABLE);
        assertErrno(Errno.EINVAL, () -> session.containerIoctl(VFIO_IOMMU_GET_INFO, 0));
    }

    /** The backend's module is pinned while a container uses it, and only then. */
    @Test
    public void theBackendModuleIsPinnedWhileAContainerUsesIt() throws KernelException {
        session.setContainer();
        setIommu();
        assertThat(refcount()).isEqualTo(1);
        assertErrno(Errno.EAGAIN, () -> kernel().modules().rmmod(adapter.moduleName()));

        session.task().syscalls().close(session.container());
        assertThat(refcount()).as("the group keeps the container and its backend").isEqualTo(1);
        session.task().syscalls().close(session.group());
        assertThat(refcount()).isZero();
        kernel().modules().rmmod(adapter.moduleName());
        assertThat(kernel().modules().find(adapter.moduleName())).isEmpty();
    }

    /** A device's DMA lands in the mapped memory, and outside the mapping it is a logged fault. */
    @Test
    public void dmaGoesThroughAMappingAndOutsideItFaults() throws KernelException {
        session.setContainer();
        setIommu();
        DmaWindow window = window();
        long buffer = mapFirstPage(window);

        machine.iommu().dmaWrite(edu(), window.start() + 8, new byte[] {1, 2, 3});
        assertThat(session.task().memory().copyFromUser(buffer + 8, 3)).containsExactly(1, 2, 3);
        assertThat(machine.iommu().dmaRead(edu(), window.start() + 8, 3)).containsExactly(1, 2, 3);
        assertErrno(Errno.EFAULT, () -> machine.iommu().dmaWrite(edu(), window.start() + AddressSpace.PAGE_SIZE,
                new byte[] {9}));
        assertDmaFaults(window.start() + AddressSpace.PAGE_SIZE);

        adapter.unmap(session, window.start(), AddressSpace.PAGE_SIZE);
        assertDmaFaults(window.start());
    }

    /** Closing the container fd keeps the backend while the group is in it; closing the group releases it. */
    @Test
    public void closingTheLastFdReleasesTheBackend() throws KernelException {
        session.setContainer();
        setIommu();
        DmaWindow window = window();
        mapFirstPage(window);

        session.task().syscalls().close(session.container());
        machine.iommu().dmaWrite(edu(), window.start(), new byte[] {5});
        session.task().syscalls().close(session.group());
        assertDmaFaults(window.start());
        assertThat(refcount()).isZero();
    }

    /** Unsetting the container releases the backend's state; the container can be set up afresh. */
    @Test
    public void removingTheGroupReleasesTheBackend() throws KernelException {
        session.setContainer();
        setIommu();
        DmaWindow window = window();
        mapFirstPage(window);

        session.unsetContainer();
        assertDmaFaults(window.start());
        assertThat(refcount()).isZero();

        session.setContainer();
        setIommu();
        long buffer = mapFirstPage(window);
        machine.iommu().dmaWrite(edu(), window.start(), new byte[] {6});
        assertThat(session.task().memory().copyFromUser(buffer, 1)).containsExactly(6);
    }

    /** The testkit's sweep of the backend's init, on its machine: every failing step unwinds. */
    @Test
    public void everyInitFailureOfTheBackendUnwinds() {
        ModuleUnderTest target = adapter.modulesDirectory()
                .map(dir -> ModuleUnderTest.inDirectory(dir, adapter.moduleName()))
                .orElseGet(() -> ModuleUnderTest.onModulePath(adapter.moduleName()))
                .withParameters(Map.of())
                .withCommandLine(adapter.commandLine());
        for (SweepCase sweepCase : InitFaultSweep.of(target).plan()) {
            try (Kernel fresh = target.boot()) {
                sweepCase.verify(fresh);
            } catch (KernelException e) {
                throw new AssertionError(sweepCase.displayName() + ": the kernel failed to boot", e);
            }
        }
    }
}
