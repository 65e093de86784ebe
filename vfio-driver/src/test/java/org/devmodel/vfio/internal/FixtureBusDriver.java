package org.devmodel.vfio.internal;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_RESET;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.proc.Task;
import org.devmodel.vfio.VfioDeviceOps;
import org.devmodel.vfio.VfioRegistry;

/**
 * A VFIO bus driver in the manner of vfio-pci: its probe hands the device to vfio, its remove takes
 * it back (waiting for the device's fds). Its device fds answer {@code VFIO_DEVICE_RESET} with 0 and
 * reads with their count; write and mmap are left out, so vfio answers EINVAL.
 */
final class FixtureBusDriver implements DeviceDriver, VfioDeviceOps<FixtureBusDriver.State> {
    /** The driver name, {@code /sys/bus/vfiotest/drivers/vfio-fixture}. */
    static final String NAME = "vfio-fixture";

    private final Kernel kernel;
    private final List<String> calls = new ArrayList<>();
    private VfioRegistry vfio;
    private Errno openError;

    /**
     * The per-device data: the device's name.
     *
     * @param name the device name
     */
    record State(String name) {
    }

    FixtureBusDriver(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * What the fixture module's {@code init} does: keeps vfio, which such a module gets with
     * {@code context.dependency}, and registers the driver on the bus.
     *
     * @param bus the fixture bus
     * @param vfio the vfio loaded
     * @throws KernelException from {@code driver_register}
     */
    void init(Bus bus, VfioRegistry vfio) throws KernelException {
        this.vfio = vfio;
        kernel.devices().driverRegister(bus, this);
    }

    /** {@return the device ops calls, e.g. {@code open a}, {@code release a}} */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    /**
     * Makes the device open fail.
     *
     * @param errno the error
     */
    void failOpen(Errno errno) {
        openError = errno;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void probe(Device device) throws KernelException {
        vfio.addGroupDev(device, this, new State(device.name()));
    }

    @Override
    public void remove(Device device) {
        vfio.delGroupDev(device);
    }

    @Override
    public synchronized void open(State state) throws KernelException {
        if (openError != null) {
            throw new KernelException(openError);
        }
        calls.add("open " + state.name());
    }

    @Override
    public synchronized void release(State state) {
        calls.add("release " + state.name());
    }

    @Override
    public long ioctl(State state, Task current, int cmd, long arg) throws KernelException {
        if (cmd == VFIO_DEVICE_RESET) {
            return 0;
        }
        throw new KernelException(Errno.ENOTTY);
    }

    @Override
    public long read(State state, Task current, long buf, long count, FilePosition position) {
        return count;
    }
}
