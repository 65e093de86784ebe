package org.devmodel.vfio.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.vfio.uapi.VfioIoctls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The package javadoc's example, {@code Documentation/vfio.txt}'s sequence, run as written on the model's edu. */
@Timeout(30)
class VfioTxtSequenceTest {

    @Test
    void runsOnEdu() throws KernelException {
        try (ModelKernel model = ModelKernel.withEduBoundToVfio()) {
            assertThat(sequence(model.process().syscalls(), model.process().memory(), ModelKernel.EDU_GROUP,
                    ModelKernel.EDU)).containsExactly("iommu page sizes 0x1000", "region 0 0x100000",
                    "region 1 0x0", "region 2 0x0", "region 3 0x0", "region 4 0x0", "region 5 0x0",
                    "region 6 0x0", "region 7 0x100", "irq 0 count 1", "irq 1 count 1", "irq 2 count 0");
        }
    }

    /** The javadoc's lines, with what each step found recorded instead of the comments. */
    private static List<String> sequence(Syscalls syscalls, UserMemory memory, int groupId,
            String name) throws KernelException {
        List<String> found = new ArrayList<>();
        Userspace process = new Userspace(syscalls, memory);
        try (Container container = Container.open(process);
             Group group = Group.open(process, groupId)) {
            if (container.apiVersion() != VfioIoctls.VFIO_API_VERSION) {
                throw new IllegalStateException("unknown API version");
            }
            if (!container.supports(IommuType.TYPE1)) {
                throw new IllegalStateException("no type1 IOMMU");
            }
            if (!group.status().viable()) {
                throw new IllegalStateException("not all devices of the group are bound to vfio");
            }
            group.setContainer(container);
            container.setIommu(IommuType.TYPE1);
            Type1Info iommu = container.iommuInfo();
            found.add("iommu page sizes 0x" + Long.toHexString(iommu.minimumPageSize()));

            long buffer = memory.mmap(1024 * 1024);
            container.mapDma(buffer, 0, 1024 * 1024, DmaAccess.READ_WRITE);

            Device device = group.device(name);
            DeviceInfo info = device.info();
            for (Region region : device.regions()) {
                found.add("region " + region.index() + " 0x" + Long.toHexString(region.size()));
            }
            for (IrqInfo irq : device.irqs()) {
                found.add("irq " + irq.index() + " count " + irq.count());
            }
            if (info.resettable()) {
                device.reset();
            }
        }
        return found;
    }
}
