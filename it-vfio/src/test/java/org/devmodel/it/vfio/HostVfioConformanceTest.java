package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.host.HostSyscalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The container half of {@code Documentation/vfio.txt}'s sequence on the model and on this
 * machine's {@code /dev/vfio/vfio}, with the answers compared. Skipped where the machine has no
 * VFIO; the group and device half needs a function bound to {@code vfio-pci}, which a build cannot
 * arrange.
 */
@Timeout(60)
class HostVfioConformanceTest {
    private static final Path CONTAINER = Path.of("/dev/vfio/vfio");

    @Test
    void containerAnswersTheSameOnBoth() throws Exception {
        assumeTrue(Files.exists(CONTAINER),
                "no /dev/vfio/vfio on this machine: vfio is not loaded (modprobe vfio-pci) or there is no IOMMU");
        try (Kernel kernel = Kernel.boot(KernelOptions.builder()
                .modulesDirectory(Path.of(System.getProperty("devmodel.modules"))).build())) {
            kernel.modules().modprobe("vfio_iommu_type1", Map.of());
            UserspaceDriver model = new UserspaceDriver(kernel);
            assertThat(containerSequence(model.task.syscalls(), model))
                    .isEqualTo(containerSequence(HostSyscalls.load(), model));
        }
    }

    /** What each step answers (a value, or the errno's name), with the numbers the modules' descriptions give. */
    private static List<String> containerSequence(Syscalls sys, UserspaceDriver uapi) throws KernelException {
        long type1 = uapi.constant("VFIO_TYPE1_IOMMU");
        List<String> answers = new ArrayList<>();
        int container = sys.open(CONTAINER.toString(), OpenFlags.O_RDWR);
        try {
            answers.add(answer(() -> sys.ioctl(container, uapi.ioctlNumber("VFIO_GET_API_VERSION"), 0)));
            answers.add(answer(() -> sys.ioctl(container, uapi.ioctlNumber("VFIO_CHECK_EXTENSION"), type1)));
            // no group set yet: VFIO_SET_IOMMU is EINVAL in v3.14
            answers.add(answer(() -> sys.ioctl(container, uapi.ioctlNumber("VFIO_SET_IOMMU"), type1)));
        } finally {
            sys.close(container);
        }
        return answers;
    }

    private static String answer(Call call) {
        try {
            return Long.toString(call.run());
        } catch (KernelException e) {
            return e.errno().name();
        }
    }

    @FunctionalInterface
    private interface Call {
        long run() throws KernelException;
    }
}
