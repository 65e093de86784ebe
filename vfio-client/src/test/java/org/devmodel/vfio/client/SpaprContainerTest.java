package org.devmodel.vfio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.client.ContainerTest.assertErrno;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sPAPR TCE calls of the container on the POWER platform, with the errnos v3.14's backend answers. */
@Timeout(30)
class SpaprContainerTest {
    /** The POWER platform's default 32-bit window: 0 up to 2 GiB. */
    private static final SpaprTceInfo DEFAULT_WINDOW = new SpaprTceInfo(0, 0, 0x8000_0000L);

    private ModelKernel model;
    private Userspace process;
    private Container container;

    @BeforeEach
    void boot() throws KernelException {
        model = ModelKernel.onPowerWithEduBoundToVfio();
        process = model.process();
        container = Container.open(process);
    }

    @AfterEach
    void shutDown() {
        model.close();
    }

    /** Puts edu's group in the container and picks the sPAPR model; the group stays open until shut-down. */
    private void withEduGroup() throws KernelException {
        Group.open(process, ModelKernel.EDU_GROUP).setContainer(container);
        container.setIommu(IommuType.SPAPR_TCE);
    }

    @Test
    void supportsOnlyTheSpaprModelAndItsCallsAreEinvalBeforeSetIommu() throws KernelException {
        assertThat(container.supports(IommuType.SPAPR_TCE)).isTrue();
        assertThat(container.supports(IommuType.TYPE1)).as("type1's init answered ENODEV").isFalse();
        assertErrno(container::enable, Errno.EINVAL);
        assertErrno(container::disable, Errno.EINVAL);
        assertErrno(container::spaprTceInfo, Errno.EINVAL);
    }

    @Test
    void getInfoGivesTheWindowAndASecondEnableIsEbusyWhileDisableNeverFails() throws KernelException {
        withEduGroup();
        assertThat(container.spaprTceInfo()).isEqualTo(DEFAULT_WINDOW);
        assertThat(container.spaprTceInfo().windowEnd()).isEqualTo(0x8000_0000L);

        container.disable();
        container.enable();
        assertErrno(container::enable, Errno.EBUSY);
        container.disable();
        container.disable();
        container.enable();
    }

    @Test
    void mapsInsideTheWindowOnlyAndUnmapAnswersTheSizeGiven() throws KernelException {
        withEduGroup();
        container.enable();
        SpaprTceInfo window = container.spaprTceInfo();
        long buffer = process.memory().mmap(8192);

        DmaMapping mapping = container.mapDma(buffer, window.windowStart(), 8192, DmaAccess.READ_WRITE);
        assertErrno(() -> container.mapDma(buffer, window.windowStart(), 4096, DmaAccess.READ), Errno.EBUSY);
        assertErrno(() -> container.mapDma(buffer, window.windowEnd(), 4096, DmaAccess.READ), Errno.EINVAL);
        assertThat(container.unmapDma(mapping)).isEqualTo(8192);
        assertThat(container.mapDma(buffer, window.windowStart(), 4096, DmaAccess.READ).iova())
                .as("the TCEs are free again").isEqualTo(window.windowStart());
    }

    @Test
    void aSecondGroupCannotJoinAnSpaprContainer() throws KernelException {
        model.bind("0000:01:00.0");
        model.bind("0000:01:00.1");
        withEduGroup();
        try (Group second = Group.open(process, 5)) {
            assertErrno(() -> second.setContainer(container), Errno.EBUSY);
        }
    }
}
