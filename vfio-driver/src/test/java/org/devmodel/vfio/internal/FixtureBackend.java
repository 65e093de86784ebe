package org.devmodel.vfio.internal;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IOMMU_GET_INFO;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.vfio.VfioIommu;
import org.devmodel.iommu.vfio.VfioIommuDriver;

/**
 * A VFIO IOMMU backend that records what vfio asks of it: it supports the types it is given,
 * answers {@code VFIO_IOMMU_GET_INFO} with 0 and reads with their count, and can be told to fail
 * {@code open} or the attach of one group. Not thread-safe; tests drive it from one thread.
 */
final class FixtureBackend implements VfioIommuDriver {
    /** What {@code VFIO_IOMMU_GET_INFO} answers, so a test sees the passthrough. */
    static final long INFO_ANSWER = 4096;

    private final String name;
    private final Set<Long> types;
    private final List<String> calls = new ArrayList<>();
    private Errno openError;
    private int failAttachOfGroup = -1;

    FixtureBackend(String name, Long... types) {
        this.name = name;
        this.types = Set.of(types);
    }

    /** {@return what vfio called, e.g. {@code open 1}, {@code attach 3}, {@code detach 3}, {@code release}} */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /**
     * Makes {@code open} fail.
     *
     * @param errno the error
     */
    void failOpen(Errno errno) {
        openError = errno;
    }

    /**
     * Makes attaching one group fail with EBUSY, as an IOMMU domain already attached does.
     *
     * @param groupId the IOMMU group id
     */
    void failAttachOf(int groupId) {
        failAttachOfGroup = groupId;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long checkExtension(long extension) {
        return types.contains(extension) ? 1 : 0;
    }

    @Override
    public VfioIommu open(long type) throws KernelException {
        calls.add("open " + type);
        if (openError != null) {
            throw new KernelException(openError);
        }
        return new Iommu();
    }

    /** The per-container state. */
    private final class Iommu implements VfioIommu {
        @Override
        public long ioctl(Task current, int cmd, long arg) throws KernelException {
            if (cmd == VFIO_IOMMU_GET_INFO) {
                return INFO_ANSWER;
            }
            throw new KernelException(Errno.ENOTTY);
        }

        @Override
        public void attachGroup(IommuGroup group) throws KernelException {
            if (group.id() == failAttachOfGroup) {
                throw new KernelException(Errno.EBUSY);
            }
            calls.add("attach " + group.id());
        }

        @Override
        public void detachGroup(IommuGroup group) {
            calls.add("detach " + group.id());
        }

        @Override
        public void release() {
            calls.add("release");
        }

        @Override
        public long read(Task current, long buf, long count, long offset) {
            return count;
        }
    }
}
