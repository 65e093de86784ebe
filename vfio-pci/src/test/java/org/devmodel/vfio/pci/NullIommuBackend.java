package org.devmodel.vfio.pci;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.vfio.VfioIommu;
import org.devmodel.iommu.vfio.VfioIommuDriver;
import org.devmodel.vfio.uapi.VfioIoctls;

/**
 * A test-only IOMMU backend answering to {@code VFIO_TYPE1_IOMMU} that maps nothing: enough for
 * SET_IOMMU and GET_DEVICE_FD while the type1 module lives on another branch. Its class belongs
 * to this module, so a container using it also pins {@code vfio_pci}.
 */
final class NullIommuBackend implements VfioIommuDriver {

    @Override
    public String name() {
        return "vfio-pci-test-null-iommu";
    }

    @Override
    public long checkExtension(long extension) {
        return extension == VfioIoctls.VFIO_TYPE1_IOMMU ? 1 : 0;
    }

    @Override
    public VfioIommu open(long type) {
        return new VfioIommu() {
            @Override
            public long ioctl(Task current, int cmd, long arg) throws KernelException {
                throw new KernelException(Errno.ENOTTY);
            }

            @Override
            public void attachGroup(IommuGroup group) {
                // nothing is mapped, so there is nothing to attach
            }

            @Override
            public void detachGroup(IommuGroup group) {
                // nothing was attached
            }

            @Override
            public void release() {
                // no state
            }
        };
    }
}
