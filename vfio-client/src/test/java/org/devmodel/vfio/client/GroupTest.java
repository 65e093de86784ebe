package org.devmodel.vfio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.vfio.client.ContainerTest.assertErrno;

import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.Mapping;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class GroupTest extends OnEduModel {
    @Test
    void isViableAndReportsItsContainer() throws KernelException {
        try (Container container = Container.open(process);
             Group group = Group.open(process, ModelKernel.EDU_GROUP)) {
            assertThat(group.status()).isEqualTo(new GroupStatus(1));
            assertThat(group.status().viable()).isTrue();
            group.setContainer(container);
            assertThat(group.status().containerSet()).isTrue();
            assertErrno(() -> group.setContainer(container), Errno.EINVAL);
            group.unsetContainer();
            assertThat(group.status().containerSet()).isFalse();
            assertErrno(group::unsetContainer, Errno.EINVAL);
        }
    }

    @Test
    void aGroupWithoutVfioDevicesHasNoNodeAndAnOpenGroupIsBusy() throws KernelException {
        assertErrno(() -> Group.open(process, 5), Errno.ENOENT);
        try (Group group = Group.open(process, ModelKernel.EDU_GROUP)) {
            assertErrno(() -> Group.open(process, group.id()), Errno.EBUSY);
        }
        Group.open(process, ModelKernel.EDU_GROUP).close();
    }

    @Test
    void devicesNeedAnIommuModelAndExistingNames() throws KernelException {
        try (Container container = Container.open(process);
             Group group = Group.open(process, ModelKernel.EDU_GROUP)) {
            group.setContainer(container);
            assertErrno(() -> group.device(ModelKernel.EDU), Errno.EINVAL);
            container.setIommu(IommuType.TYPE1);
            assertErrno(() -> group.device("0000:00:04.0"), Errno.ENODEV);
            assertThat(group.device(ModelKernel.EDU).name()).isEqualTo(ModelKernel.EDU);
        }
    }

    @Test
    void anOpenDeviceKeepsTheGroupInItsContainerAndClosingTheGroupClosesItsDevices() throws KernelException {
        try (Container container = Container.open(process)) {
            Group group = Group.open(process, ModelKernel.EDU_GROUP);
            group.setContainer(container);
            container.setIommu(IommuType.TYPE1);
            Device device = group.device(ModelKernel.EDU);
            assertErrno(group::unsetContainer, Errno.EBUSY);
            device.close();
            group.unsetContainer();

            group.setContainer(container);
            container.setIommu(IommuType.TYPE1);
            int fd = group.device(ModelKernel.EDU).fd();
            group.close();
            assertErrno(() -> process.syscalls().fstat(fd), Errno.EBADF);
            assertErrno(() -> process.syscalls().fstat(group.fd()), Errno.EBADF);
        }
    }

    @Test
    void leavesNoMappingOfTheProcessBehindAfterAFailedOpenOrOnceClosed() throws KernelException {
        List<Mapping> before = model.mappings();
        assertErrno(() -> Group.open(process, 5), Errno.ENOENT);
        assertThat(model.mappings()).as("after a failed open").isEqualTo(before);
        try (Container container = Container.open(process);
             Group group = Group.open(process, ModelKernel.EDU_GROUP)) {
            group.setContainer(container);
            container.setIommu(IommuType.TYPE1);
            Device device = group.device(ModelKernel.EDU);
            device.region(VfioIoctls.VFIO_PCI_BAR0_REGION_INDEX).mmap();
            assertThat(model.mappings()).as("argument pages and BAR0").hasSize(before.size() + 4);
        }
        assertThat(model.mappings()).as("once closed").isEqualTo(before);
    }
}
