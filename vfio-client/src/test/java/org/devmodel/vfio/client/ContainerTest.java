package org.devmodel.vfio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ContainerTest extends OnEduModel {
    @Test
    void answersApiVersionZeroAndSupportsOnlyTheLoadedType1() throws KernelException {
        try (Container container = Container.open(process)) {
            assertThat(container.apiVersion()).isEqualTo(VfioIoctls.VFIO_API_VERSION);
            assertThat(container.supports(IommuType.TYPE1)).isTrue();
            assertThat(container.supports(IommuType.SPAPR_TCE)).as("no sPAPR backend is loaded").isFalse();
            assertThat(container.checkExtension(0x7f)).as("an unknown extension").isFalse();
        }
    }

    @Test
    void setIommuWithoutAGroupAndTheType1CallsBeforeItAreEinval() throws KernelException {
        try (Container container = Container.open(process)) {
            assertErrno(() -> container.setIommu(IommuType.TYPE1), Errno.EINVAL);
            assertErrno(container::iommuInfo, Errno.EINVAL);
        }
    }

    @Test
    void mapsAndUnmapsTheProcesssMemoryWithType1sErrnos() throws KernelException {
        try (Container container = Container.open(process);
             Group group = Group.open(process, ModelKernel.EDU_GROUP)) {
            group.setContainer(container);
            container.setIommu(IommuType.TYPE1);
            assertThat(container.iommuInfo().minimumPageSize()).isEqualTo(4096);
            assertThat(container.iommuInfo().pageSizesValid()).as("v3.14's type1 answers flags 0").isFalse();
            long buffer = process.memory().mmap(8192);

            DmaMapping mapping = container.mapDma(buffer, 0x100000, 8192, DmaAccess.READ);
            assertThat(mapping).isEqualTo(new DmaMapping(buffer, 0x100000, 8192, DmaAccess.READ));
            assertErrno(() -> container.mapDma(buffer, 0x101000, 4096, DmaAccess.WRITE), Errno.EEXIST);
            assertErrno(() -> container.mapDma(buffer + 1, 0x200000, 4096, DmaAccess.WRITE), Errno.EINVAL);
            assertThat(container.unmapDma(mapping)).isEqualTo(8192);
            assertThat(container.unmapDma(0x100000, 8192)).as("nothing left there").isZero();
        }
    }

    @Test
    void aClosedContainerRefusesCallsAndClosesOnlyOnce() throws KernelException {
        Container container = Container.open(process);
        int fd = container.fd();
        container.close();
        container.close();
        assertThatThrownBy(container::apiVersion).isInstanceOf(IllegalStateException.class)
                .hasMessage("fd " + fd + " is closed");
        assertErrno(() -> process.syscalls().fstat(fd), Errno.EBADF);
    }

    static void assertErrno(KernelCall call, Errno errno) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(errno));
    }

    @FunctionalInterface
    interface KernelCall {
        void run() throws KernelException;
    }
}
