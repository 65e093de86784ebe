package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.pci.Pci;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Viability of the default platform's multi-function groups, as v3.14 defines it: every device of
 * the IOMMU group unbound, bound to a VFIO bus driver, or bound to pci-stub or pcieport.
 */
class ViabilityTest {
    private Kernel kernel;
    private UserspaceDriver user;

    @BeforeEach
    void setUp() throws Exception {
        kernel = Kernel.boot(KernelOptions.builder()
                .modulesDirectory(Path.of(System.getProperty("devmodel.modules"))).build());
        user = new UserspaceDriver(kernel);
        kernel.modules().modprobe("vfio-pci", Map.of());
    }

    @AfterEach
    void tearDown() {
        kernel.close();
    }

    /** Binds one function to vfio-pci and answers its group's GET_STATUS flags. */
    private long statusAfterBinding(String function, int group) throws Exception {
        Pci pci = kernel.subsystem(Pci.class).orElseThrow();
        pci.setDriverOverride(function, "vfio-pci");
        pci.bind("vfio-pci", function);
        kernel.settle();
        int fd = user.task.syscalls().open("/dev/vfio/" + group, OpenFlags.O_RDWR);
        try {
            return user.ioctlStruct(fd, "VFIO_GROUP_GET_STATUS", user.struct("VFIO_GROUP_GET_STATUS")).get("flags");
        } finally {
            user.task.syscalls().close(fd);
        }
    }

    @Test
    void groupFiveIsViableWithOneFunctionBoundAndTheOtherUnbound() throws Exception {
        assertThat(statusAfterBinding("0000:01:00.0", 5)).isEqualTo(user.constant("VFIO_GROUP_FLAGS_VIABLE"));
    }

    @Test
    void groupSevenIsNotViableWhileItsOtherFunctionIsBoundToSndHdaIntel() throws Exception {
        assertThat(statusAfterBinding("0000:02:00.0", 7)).isZero();
        int container = user.task.syscalls().open("/dev/vfio/vfio", OpenFlags.O_RDWR);
        int group = user.task.syscalls().open("/dev/vfio/7", OpenFlags.O_RDWR);
        user.ioctlIntPointer(group, "VFIO_GROUP_SET_CONTAINER", container);
        user.ioctl(container, "VFIO_SET_IOMMU", user.constant("VFIO_TYPE1_IOMMU"));
        assertThatThrownBy(() -> user.ioctlString(group, "VFIO_GROUP_GET_DEVICE_FD", "0000:02:00.0"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }

    @Test
    void groupNineIsViableSinceItsBridgeIsBoundToPcieport() throws Exception {
        assertThat(statusAfterBinding("0000:03:00.1", 9)).isEqualTo(user.constant("VFIO_GROUP_FLAGS_VIABLE"));
    }

    @Test
    void rmmodVfioIsRefusedWhileTheBackendAndVfioPciHoldIt() throws Exception {
        kernel.settle();
        assertThat(kernel.modules().find("vfio").orElseThrow().holders())
                .containsExactly("vfio_iommu_type1", "vfio_pci");
        assertThatThrownBy(() -> kernel.modules().rmmod("vfio"))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN));
    }
}
