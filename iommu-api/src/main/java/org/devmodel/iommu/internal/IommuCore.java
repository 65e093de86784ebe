package org.devmodel.iommu.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.devmodel.core.BuiltinSubsystem;
import org.devmodel.core.CommandLine;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusEvent;
import org.devmodel.core.device.Device;
import org.devmodel.core.snapshot.SnapshotContributor;
import org.devmodel.iommu.DmaDirection;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuDomain;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.iommu.IommuModel;
import org.devmodel.iommu.TceTable;

/**
 * The iommu core ({@code drivers/iommu/iommu.c}): groups and their members, group notifiers fed by
 * the bus notifier chain, domains attached to groups, and DMA translated through them. One
 * instance per kernel, started as a {@code core_initcall}.
 */
public final class IommuCore implements BuiltinSubsystem, Iommu, SnapshotContributor {
    private static final String SYSFS = "/sys/kernel/iommu_groups/";

    private final Map<Integer, GroupImpl> groups = new TreeMap<>();
    private final Map<Device, GroupImpl> membership = new IdentityHashMap<>();
    private Kernel kernel;
    private boolean present;
    private boolean interruptRemapping;
    private volatile IommuModel model = IommuModel.DOMAINS;

    @Override
    public String name() {
        return "iommu";
    }

    @Override
    public int initLevel() {
        return CORE;
    }

    @Override
    public void init(Kernel kernel) {
        this.kernel = kernel;
        CommandLine cmdline = kernel.options().commandLine();
        this.present = !cmdline.isOff("intel_iommu");
        this.interruptRemapping = present && !cmdline.isOff("intremap");
        kernel.addSnapshotContributor(this);
    }

    @Override
    public boolean present() {
        return present && model == IommuModel.DOMAINS;
    }

    @Override
    public IommuModel model() {
        return model;
    }

    @Override
    public synchronized void setModel(IommuModel model) {
        if (!groups.isEmpty()) {
            throw new IllegalStateException("iommu: the model is set before the first group");
        }
        this.model = model;
    }

    @Override
    public TceTable registerTceTable(IommuGroup group, long windowStart, long windowSize) {
        if (windowSize <= 0 || ((windowStart | windowSize) & ~TceTable.IOMMU_PAGE_MASK_4K) != 0) {
            throw new IllegalArgumentException(String.format("iommu: bad TCE window 0x%x+0x%x", windowStart, windowSize));
        }
        GroupImpl g = (GroupImpl) group;
        synchronized (this) {
            if (model != IommuModel.SPAPR_TCE) {
                throw new IllegalStateException("iommu: TCE tables need an sPAPR machine");
            }
            if (g.tce() != null) {
                throw new IllegalStateException(g + " has a TCE table already");
            }
            g.setTceTable(new TceTableImpl(g, windowStart, windowSize, kernel.log()));
            return g.tce();
        }
    }

    @Override
    public boolean interruptRemapping() {
        return interruptRemapping;
    }

    @Override
    public void watchBus(Bus bus) {
        kernel.devices().busNotifierRegister(bus, this::onBusEvent);
    }

    /** {@code iommu_bus_notifier}: driver events of grouped devices go to their group's chain. */
    private void onBusEvent(BusEvent event, Device device) {
        Optional<IommuGroup> group = groupOf(device);
        if (group.isEmpty()) {
            return;
        }
        switch (event) {
            case DEL_DEVICE -> removeDevice(device);
            case BIND_DRIVER, BOUND_DRIVER, UNBIND_DRIVER, UNBOUND_DRIVER -> ((GroupImpl) group.get()).notify(event, device);
            case ADD_DEVICE -> {
                // the bus puts a device into its group itself, through addDevice
            }
        }
    }

    @Override
    public synchronized IommuGroup group(int id) {
        return groups.computeIfAbsent(id, GroupImpl::new);
    }

    @Override
    public void addDevice(IommuGroup group, Device device) throws KernelException {
        GroupImpl g = (GroupImpl) group;
        synchronized (this) {
            if (membership.containsKey(device)) {
                throw new KernelException(Errno.EBUSY, device.name() + ": already in " + membership.get(device));
            }
            groups.putIfAbsent(g.id(), g);
            membership.put(device, g);
            g.add(device);
            kernel.vfs().publishDirectory(SYSFS + g.id() + "/devices/" + device.name());
        }
        kernel.log().info("iommu: Adding device " + device.name() + " to group " + g.id());
        g.notify(BusEvent.ADD_DEVICE, device);
    }

    @Override
    public void removeDevice(Device device) {
        GroupImpl g;
        synchronized (this) {
            g = membership.get(device);
        }
        if (g == null) {
            return;
        }
        g.notify(BusEvent.DEL_DEVICE, device);
        synchronized (this) {
            membership.remove(device);
            g.remove(device);
            kernel.vfs().unpublish(SYSFS + g.id() + "/devices/" + device.name());
            if (g.devices().isEmpty()) {
                groups.remove(g.id());
            }
        }
        kernel.log().info("iommu: Removing device " + device.name() + " from group " + g.id());
    }

    @Override
    public synchronized Optional<IommuGroup> groupOf(Device device) {
        return Optional.ofNullable(membership.get(device));
    }

    @Override
    public synchronized List<IommuGroup> groups() {
        return List.copyOf(groups.values());
    }

    @Override
    public void attachGroup(IommuDomain domain, IommuGroup group) throws KernelException {
        if (!present()) {
            throw new KernelException(Errno.ENODEV, "iommu_attach_group: no IOMMU");
        }
        GroupImpl g = (GroupImpl) group;
        synchronized (this) {
            if (g.domain() != null && g.domain() != domain) {
                throw new KernelException(Errno.EBUSY, g + ": another domain is attached");
            }
            g.setDomain(domain);
        }
    }

    @Override
    public synchronized void detachGroup(IommuDomain domain, IommuGroup group) {
        GroupImpl g = (GroupImpl) group;
        if (g.domain() == domain) {
            g.setDomain(null);
        }
    }

    @Override
    public byte[] dmaRead(Device device, long iova, int length) throws KernelException {
        byte[] data = new byte[length];
        int done = 0;
        for (IommuDomain.Translation t : translateAll(device, iova, length, DmaDirection.READ)) {
            byte[] chunk = t.memory().copyFromUser(t.address(), (int) t.contiguous());
            System.arraycopy(chunk, 0, data, done, chunk.length);
            done += chunk.length;
        }
        return data;
    }

    @Override
    public void dmaWrite(Device device, long iova, byte[] data) throws KernelException {
        int done = 0;
        for (IommuDomain.Translation t : translateAll(device, iova, data.length, DmaDirection.WRITE)) {
            byte[] chunk = java.util.Arrays.copyOfRange(data, done, done + (int) t.contiguous());
            t.memory().copyToUser(t.address(), chunk);
            done += chunk.length;
        }
    }

    /**
     * Translates a whole transfer before any byte moves, so a fault anywhere in it touches no memory;
     * each returned piece's {@code contiguous} is the length to move there.
     */
    private List<IommuDomain.Translation> translateAll(Device device, long iova, int length, DmaDirection direction)
            throws KernelException {
        Optional<IommuGroup> group = groupOf(device);
        List<IommuDomain.Translation> pieces = new ArrayList<>();
        long done = 0;
        while (done < length) {
            long address = iova + done;
            IommuDomain.Translation t = group.flatMap(g -> ((GroupImpl) g).translate(address, direction)).orElse(null);
            if (t == null) {
                throw fault(device, group, address, direction);
            }
            long n = Math.min(t.contiguous(), length - done);
            pieces.add(new IommuDomain.Translation(t.memory(), t.address(), n));
            done += n;
        }
        return pieces;
    }

    /**
     * Logs the fault as the Intel IOMMU driver reports one, naming the group too; through a TCE table
     * the line says why the entry did not translate (POWER's PHB would freeze the PE for EEH, which
     * devmodel does not model).
     */
    private KernelException fault(Device device, Optional<IommuGroup> group, long address, DmaDirection direction) {
        String kind = direction == DmaDirection.READ ? "DMA Read" : "DMA Write";
        TceTableImpl table = group.map(g -> ((GroupImpl) g).tce()).orElse(null);
        if (table != null) {
            kernel.log().err(String.format("iommu_tce: [%s] device [%s] fault addr %x (iommu group %d): %s", kind,
                    device.name(), address, table.group().id(), table.faultReason(address)));
        } else {
            kernel.log().err(String.format("DMAR:[%s] Request device [%s] fault addr %x (iommu group %s)", kind,
                    device.name(), address, group.map(g -> Integer.toString(g.id())).orElse("none")));
        }
        return new KernelException(Errno.EFAULT, "IOMMU fault: " + device.name() + " " + kind + " at 0x"
                + Long.toHexString(address));
    }

    @Override
    public String section() {
        return "iommu groups";
    }

    @Override
    public synchronized List<String> entries() {
        List<String> out = new ArrayList<>();
        for (GroupImpl g : groups.values()) {
            StringBuilder line = new StringBuilder().append(g.id()).append(':');
            g.devices().forEach(d -> line.append(' ').append(d.name()));
            if (g.domain() != null) {
                line.append(" [domain attached]");
            }
            if (g.tce() != null) {
                line.append(' ').append(g.tce().describe());
            }
            out.add(line.toString());
        }
        return out;
    }
}
