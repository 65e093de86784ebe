package org.devmodel.core.internal.chrdev;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.chrdev.Cdev;
import org.devmodel.core.chrdev.CharDevices;
import org.devmodel.core.fault.FaultSite;
import org.devmodel.core.fault.ResourceTracker;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.internal.DriverGate;
import org.devmodel.core.internal.fs.CharDeviceOpener;

/**
 * The char-device layer of a kernel: the region registry and the cdev map under one
 * {@code chrdevs_lock}, with fault sites and ledger entries, and the lookup half of
 * {@code chrdev_open}.
 */
public final class CharDevicesImpl implements CharDevices, CharDeviceOpener {
    /** {@code register_chrdev}: a region and a cdev in one call; EBUSY like its region. */
    static final FaultSite REGISTER_CHRDEV = new FaultSite("register_chrdev", Errno.EBUSY);
    private static final int CHRDEV_MINORS = 256;

    private final ReentrantLock lock = new ReentrantLock();
    private final CharRegions regions = new CharRegions(lock);
    private final CdevMap<CdevImpl> map;
    private final List<CdevImpl> cdevs = new ArrayList<>();
    private final List<CdevImpl> chrdevCdevs = new ArrayList<>();
    private final ResourceTracker tracker;
    private final DriverGate gate;

    /**
     * @param tracker records acquisitions and passes fault sites
     * @param gate pins the operations' owners
     * @param requester answers {@code request_module} for the base probe
     */
    public CharDevicesImpl(ResourceTracker tracker, DriverGate gate, ModuleRequester requester) {
        this.tracker = tracker;
        this.gate = gate;
        this.map = new CdevMap<>(lock, requester);
    }

    private static String regionResource(DevT from, long count) {
        return "chrdev_region " + from + "+" + count;
    }

    @Override
    public DevT allocRegion(int baseminor, int count, String name) throws KernelException {
        return tracker.acquire(FaultSite.ALLOC_CHRDEV_REGION, () -> regions.allocate(baseminor, count, name),
                dev -> regionResource(dev, count));
    }

    @Override
    public void registerRegion(DevT from, int count, String name) throws KernelException {
        tracker.acquire(FaultSite.REGISTER_CHRDEV_REGION, () -> {
            regions.register(from, count, name);
            return from;
        }, dev -> regionResource(dev, count));
    }

    @Override
    public void unregisterRegion(DevT from, int count) {
        tracker.release("unregister_chrdev_region", regionResource(from, count),
                () -> regions.unregister(from, count));
    }

    @Override
    public Cdev cdevAdd(DevT dev, int count, FileOperations operations) throws KernelException {
        return tracker.acquire(FaultSite.CDEV_ADD, () -> map(dev, count, operations, cdevs), CdevImpl::resource);
    }

    private CdevImpl map(DevT dev, int count, FileOperations operations, List<CdevImpl> list) {
        if (count <= 0) {
            throw new IllegalArgumentException("cdev_add of " + count + " minors");
        }
        CdevImpl cdev = new CdevImpl(dev, count, operations);
        lock.lock();
        try {
            map.map(dev, count, cdev);
            list.add(cdev);
        } finally {
            lock.unlock();
        }
        return cdev;
    }

    @Override
    public void cdevDel(Cdev cdev) {
        CdevImpl c = (CdevImpl) cdev;
        tracker.release("cdev_del", c.resource(), () -> unmap(c, cdevs));
    }

    private void unmap(CdevImpl cdev, List<CdevImpl> list) {
        lock.lock();
        try {
            if (list.remove(cdev)) {
                map.unmap(cdev.dev(), cdev.count());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int registerChrdev(int major, String name, FileOperations operations) throws KernelException {
        return tracker.acquire(REGISTER_CHRDEV, () -> {
            DevT base;
            if (major == 0) {
                base = regions.allocate(0, CHRDEV_MINORS, name);
            } else {
                base = DevT.of(major, 0);
                regions.register(base, CHRDEV_MINORS, name);
            }
            map(base, CHRDEV_MINORS, operations, chrdevCdevs);
            return base.major();
        }, m -> "chrdev " + m + " " + name);
    }

    @Override
    public void unregisterChrdev(int major, String name) {
        tracker.release("unregister_chrdev", "chrdev " + major + " " + name, () -> {
            DevT base = DevT.of(major, 0);
            List<CdevImpl> matching;
            lock.lock();
            try {
                matching = chrdevCdevs.stream().filter(c -> c.dev().equals(base)).toList();
            } finally {
                lock.unlock();
            }
            matching.forEach(c -> unmap(c, chrdevCdevs));
            regions.unregister(base, CHRDEV_MINORS);
        });
    }

    @Override
    public String procDevices() {
        return regions.procDevicesText();
    }

    /**
     * {@code chrdev_open}'s lookup: the narrowest cdev covering the number, after the base probe's
     * module requests; then {@code fops_get} on its operations.
     */
    @Override
    public FileOperations lookupAndPin(DevT devt) throws KernelException {
        CdevImpl cdev = map.lookup(devt)
                .orElseThrow(() -> new KernelException(Errno.ENXIO, devt + ": " + Errno.ENXIO.message()));
        if (!gate.glue().tryGet(cdev.operations())) {
            throw new KernelException(Errno.ENXIO, devt + ": owning module is going away");
        }
        return cdev.operations();
    }

    /** {@return the regions as {@code "254:0+1048575 vfio"} lines, in bucket order, for snapshots} */
    public List<String> regionEntries() {
        return regions.regions().stream()
                .map(r -> r.major() + ":" + r.baseminor() + "+" + r.count() + " " + r.name()).toList();
    }

    /** {@return the cdevs as {@code "254:0+1048575"} lines, for snapshots} */
    public List<String> cdevEntries() {
        lock.lock();
        try {
            List<String> out = new ArrayList<>();
            cdevs.forEach(c -> out.add(c.dev() + "+" + c.count()));
            chrdevCdevs.forEach(c -> out.add(c.dev() + "+" + c.count()));
            return out;
        } finally {
            lock.unlock();
        }
    }
}
