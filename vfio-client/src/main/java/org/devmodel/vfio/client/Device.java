package org.devmodel.vfio.client;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_GET_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_GET_IRQ_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_GET_REGION_INFO;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_RESET;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_DEVICE_SET_IRQS;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_ACTION_TRIGGER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_DATA_EVENTFD;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_DATA_NONE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_CONFIG_REGION_INDEX;

import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.FieldType;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.core.mem.StructValue;
import org.devmodel.vfio.client.internal.FdCalls;
import org.devmodel.vfio.client.internal.OpenChildren;
import org.devmodel.vfio.uapi.VfioStructs;

/**
 * A VFIO device fd, opened with {@link Group#device}: its regions (BARs, config space) read and
 * written with {@code pread}/{@code pwrite} or mapped, its interrupts routed to eventfds, and reset.
 *
 * <p>Closing unmaps the device's regions still mapped through the client first, since a mapping
 * holds the device file open in the kernel; the kernel then disables the device's interrupts.
 */
public final class Device implements AutoCloseable {
    /** {@code struct vfio_irq_set} whose {@code data[]} holds {@code s32} eventfds ({@code DATA_EVENTFD}). */
    private static final StructLayout IRQ_SET_EVENTFDS = VfioStructs.VFIO_IRQ_SET.withArrayElement(FieldType.S32);

    private final Group group;
    private final Userspace process;
    private final String name;
    private final FdCalls calls;
    private final OpenChildren<MappedRegion> mappings = new OpenChildren<>(MappedRegion::close);

    Device(Group group, Userspace process, String name, FdCalls calls) {
        this.group = group;
        this.process = process;
        this.name = name;
        this.calls = calls;
    }

    /** {@return the name it was opened by} */
    public String name() {
        return name;
    }

    /** {@return the fd} */
    public int fd() {
        return calls.fd();
    }

    /**
     * {@code VFIO_DEVICE_GET_INFO}.
     *
     * @return its flags and how many regions and IRQ indices it has
     * @throws KernelException the kernel's errno
     */
    public DeviceInfo info() throws KernelException {
        StructValue info = calls.ioctl(VFIO_DEVICE_GET_INFO, FdCalls.argument(VfioStructs.VFIO_DEVICE_INFO));
        return new DeviceInfo((int) info.get("flags"), (int) info.get("num_regions"), (int) info.get("num_irqs"));
    }

    /**
     * {@code VFIO_DEVICE_GET_REGION_INFO}.
     *
     * @param index the region index (vfio-pci: BAR0 to BAR5 are 0 to 5, ROM 6, config space 7, VGA 8)
     * @return the region; a BAR the device lacks has size 0 and no flags
     * @throws KernelException EINVAL for an index the device does not have
     */
    public Region region(int index) throws KernelException {
        StructValue info = calls.ioctl(VFIO_DEVICE_GET_REGION_INFO,
                FdCalls.argument(VfioStructs.VFIO_REGION_INFO).set("index", index));
        return new Region(this, index, (int) info.get("flags"), info.get("size"), info.get("offset"));
    }

    /**
     * Every region the device answers for, as {@code Documentation/vfio.txt}'s loop over
     * {@code num_regions} asks: an index the device refuses with EINVAL (vfio-pci's VGA region on a
     * function without VGA) is left out.
     *
     * @return the regions in index order
     * @throws KernelException any other errno
     */
    public List<Region> regions() throws KernelException {
        return answered(info().regions(), this::region);
    }

    /**
     * vfio-pci's config space region ({@code VFIO_PCI_CONFIG_REGION_INDEX}), as PCI's
     * {@code pci_read_config_*}/{@code pci_write_config_*} see it.
     *
     * @return the config space
     * @throws KernelException EINVAL on a device without that region
     */
    public ConfigSpace config() throws KernelException {
        return new ConfigSpace(region(VFIO_PCI_CONFIG_REGION_INDEX));
    }

    /**
     * {@code VFIO_DEVICE_GET_IRQ_INFO}.
     *
     * @param index the IRQ index (vfio-pci: INTx 0, MSI 1, MSI-X 2, error 3)
     * @return its flags and vector count
     * @throws KernelException EINVAL for an index the device does not have
     */
    public IrqInfo irqInfo(int index) throws KernelException {
        StructValue info = calls.ioctl(VFIO_DEVICE_GET_IRQ_INFO,
                FdCalls.argument(VfioStructs.VFIO_IRQ_INFO).set("index", index));
        return new IrqInfo(index, (int) info.get("flags"), (int) info.get("count"));
    }

    /**
     * Every IRQ index the device answers for, as {@code Documentation/vfio.txt}'s loop over
     * {@code num_irqs} asks: an index refused with EINVAL (vfio-pci's error IRQ on a function that
     * is not PCI Express) is left out.
     *
     * @return the IRQ indices in order
     * @throws KernelException any other errno
     */
    public List<IrqInfo> irqs() throws KernelException {
        return answered(info().irqs(), this::irqInfo);
    }

    /**
     * {@code VFIO_DEVICE_SET_IRQS} with {@code DATA_EVENTFD | ACTION_TRIGGER}: vectors
     * {@code start} and on signal the eventfds, one each. For MSI and MSI-X in v3.14 the first call
     * enables the vectors (with {@code start} 0); changing their number needs
     * {@link #disableIrqs} first.
     *
     * @param index the IRQ index
     * @param start the first vector
     * @param eventfds an eventfd per vector, at least one
     * @throws KernelException EINVAL for a range the index does not have, ...
     */
    public void setIrqs(int index, int start, EventFd... eventfds) throws KernelException {
        if (eventfds.length == 0) {
            throw new IllegalArgumentException("no eventfd: use disableIrqs to turn an index off");
        }
        StructValue set = StructValue.of(IRQ_SET_EVENTFDS, eventfds.length);
        set.set("argsz", IRQ_SET_EVENTFDS.sizeWith(eventfds.length))
                .set("flags", VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER)
                .set("index", index).set("start", start).set("count", eventfds.length);
        for (int i = 0; i < eventfds.length; i++) {
            set.setElement(i, eventfds[i].fd());
        }
        calls.ioctl(VFIO_DEVICE_SET_IRQS, set);
    }

    /**
     * {@code VFIO_DEVICE_SET_IRQS} with {@code DATA_NONE | ACTION_TRIGGER} and count 0: turns the
     * index off and lets go of its eventfds.
     *
     * @param index the IRQ index
     * @throws KernelException EINVAL for an index the device does not have, ...
     */
    public void disableIrqs(int index) throws KernelException {
        calls.ioctl(VFIO_DEVICE_SET_IRQS, FdCalls.argument(VfioStructs.VFIO_IRQ_SET)
                .set("flags", VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER).set("index", index));
    }

    /**
     * {@code VFIO_DEVICE_RESET}.
     *
     * @throws KernelException EINVAL when the device cannot be reset ({@link DeviceInfo#resettable()})
     */
    public void reset() throws KernelException {
        calls.ioctl(VFIO_DEVICE_RESET, 0);
    }

    /**
     * Unmaps the regions still mapped through the client, newest first, then closes the fd;
     * closing again does nothing.
     *
     * @throws KernelException the first errno of the unmaps, else that of the fd's close
     */
    @Override
    public void close() throws KernelException {
        try {
            mappings.closeAll();
        } finally {
            calls.close();
            group.closed(this);
        }
    }

    /** A question about one region or IRQ index. */
    @FunctionalInterface
    private interface IndexQuery<T> {
        T ask(int index) throws KernelException;
    }

    /** The answers for indices 0 to {@code count - 1}, leaving out those refused with EINVAL. */
    private static <T> List<T> answered(int count, IndexQuery<T> query) throws KernelException {
        List<T> answers = new ArrayList<>(count);
        for (int index = 0; index < count; index++) {
            try {
                answers.add(query.ask(index));
            } catch (KernelException e) {
                if (e.errno() != Errno.EINVAL) {
                    throw e;
                }
            }
        }
        return answers;
    }

    FdCalls calls() {
        return calls;
    }

    Userspace process() {
        return process;
    }

    MappedRegion mapped(MappedRegion mapping) {
        return mappings.add(mapping);
    }

    void unmapped(MappedRegion mapping) {
        mappings.remove(mapping);
    }
}
