package org.devmodel.vfio.iommu.type1;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_TYPE1_IOMMU;

import java.util.Map;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.Device;
import org.devmodel.core.module.ModuleParameters;
import org.devmodel.core.proc.Credentials;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuGroup;

/**
 * The backend without vfio: a booted kernel, the type1 driver made as its module would make it,
 * one container's state opened from it, and a bus whose devices join IOMMU groups so DMA can go
 * through the container's domain.
 */
final class Type1Fixture implements AutoCloseable {
    final Kernel kernel;
    final Iommu iommu;
    final Type1Driver driver;
    final Type1Iommu type1;
    private final Bus bus;

    private Type1Fixture(Kernel kernel) throws KernelException {
        this.kernel = kernel;
        this.iommu = kernel.subsystem(Iommu.class).orElseThrow();
        this.driver = new Type1Driver(iommu, kernel.log(), new DefaultParameters());
        this.bus = kernel.devices().busRegister("type1test", BusMatcher.NONE);
        iommu.watchBus(bus);
        this.type1 = (Type1Iommu) driver.open(VFIO_TYPE1_IOMMU);
    }

    /** {@return a fixture on a default kernel} */
    static Type1Fixture boot() throws KernelException {
        return new Type1Fixture(Kernel.boot());
    }

    /**
     * {@return a user of the container's state, in a new process}
     *
     * @param credentials its credentials
     */
    DmaUser user(Credentials credentials) throws KernelException {
        var task = kernel.spawn(credentials);
        return new DmaUser(task, (cmd, arg) -> type1.ioctl(task, cmd, arg));
    }

    /**
     * {@return a device on the bus in an IOMMU group}
     *
     * @param name its name
     * @param groupId the group
     */
    Device device(String name, int groupId) throws KernelException {
        Device device = kernel.devices().deviceRegister(bus, name, null);
        iommu.addDevice(iommu.group(groupId), device);
        return device;
    }

    /**
     * {@return the group with an id}
     *
     * @param groupId the id
     */
    IommuGroup group(int groupId) {
        return iommu.group(groupId);
    }

    @Override
    public void close() {
        kernel.close();
    }

    /** The module's parameters as a plain {@code modprobe} leaves them: every bool N. */
    private static final class DefaultParameters implements ModuleParameters {
        @Override
        public boolean bool(String name) {
            return "Y".equals(all().get(name));
        }

        @Override
        public long integer(String name) {
            throw new IllegalArgumentException("vfio_iommu_type1: no integer parameter " + name);
        }

        @Override
        public String text(String name) {
            return all().get(name);
        }

        @Override
        public Map<String, String> all() {
            return Map.of(Type1Driver.ALLOW_UNSAFE_INTERRUPTS, "N", "disable_hugepages", "N");
        }
    }
}
