package org.devmodel.vfio.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.module.DriverCalls.IoctlOp;
import org.devmodel.core.proc.Task;
import org.devmodel.iommu.vfio.VfioIommu;
import org.devmodel.iommu.vfio.VfioIommuDriver;
import org.devmodel.vfio.VfioContainerState;

/**
 * {@code struct vfio_container}: what an open of {@code /dev/vfio/vfio} creates. It gathers
 * groups and, once it has one, may be given an IOMMU backend ({@code VFIO_SET_IOMMU}).
 *
 * <p>References ({@code kref}): one for the container fd and one per group in it, so the container
 * and its IOMMU mappings outlive the fd while groups remain; removing the last group releases the
 * backend and returns the container to the unset state ("deprivileged").
 *
 * <p>Every call into the backend goes through the driver gate, so it runs as the backend's module.
 *
 * <p>Its {@code group_lock} (a read-write lock) guards the group list and the backend: ioctls that
 * only use the backend read-lock it, changes of membership or backend write-lock it.
 */
final class VfioContainer {
    /** The backend's ioctl as a constant, so passing it through the driver gate allocates nothing. */
    private static final IoctlOp<VfioIommu, Void> BACKEND_IOCTL =
            (iommu, none, current, cmd, arg) -> iommu.ioctl(current, cmd, arg);

    private final Vfio vfio;
    private final AtomicInteger refs = new AtomicInteger(1);
    private final ReadWriteLock groupLock = new ReentrantReadWriteLock();
    /** Newest first, as {@code list_add} links them. Guarded by {@link #groupLock}. */
    private final Deque<VfioGroup> groups = new ArrayDeque<>();
    /** Guarded by {@link #groupLock}. */
    private VfioIommuDriver driver;
    /** The backend's per-container state; guarded by {@link #groupLock}. */
    private VfioIommu iommuData;

    VfioContainer(Vfio vfio) {
        this.vfio = vfio;
    }

    /** {@code vfio_container_get}. */
    void get() {
        refs.incrementAndGet();
    }

    /**
     * {@code vfio_container_put}: the last reference releases a backend still set, which cannot
     * happen while groups remain, as the kernel's release also checks.
     */
    void put() {
        if (refs.decrementAndGet() == 0 && driver != null) {
            releaseDriver();
        }
    }

    // ---- ioctls --------------------------------------------------------------------------------

    /**
     * {@code vfio_ioctl_check_extension}: no base extensions exist in v3.14, so every extension is
     * the backends' to answer: every registered one (each pinned while asked) until one answers
     * above 0, or only the one set.
     *
     * @param extension the extension asked about
     * @return the answer, 0 when nobody supports it
     */
    long checkExtension(long extension) {
        groupLock.readLock().lock();
        try {
            return driver == null ? vfio.checkExtensionOfDrivers(extension) : vfio.checkExtension(driver, extension);
        } finally {
            groupLock.readLock().unlock();
        }
    }

    /**
     * {@code vfio_ioctl_set_iommu}. Only adding a group lets a user enable the IOMMU, which may
     * allocate finite resources; there is no unset, but removing every group deprivileges the
     * container again.
     *
     * @param type the IOMMU type, also the extension a backend must support
     * @return 0
     * @throws KernelException EINVAL without groups or with a backend set already, ENODEV when no
     *     backend supports the type, or the backend's open or attach error
     */
    long setIommu(long type) throws KernelException {
        groupLock.writeLock().lock();
        try {
            if (groups.isEmpty() || driver != null) {
                throw new KernelException(Errno.EINVAL, "vfio: SET_IOMMU needs a group and no IOMMU set");
            }
            // The chosen driver comes back pinned: its module reference holds it while it opens.
            VfioIommuDriver chosen = vfio.pinDriverFor(type)
                    .orElseThrow(() -> new KernelException(Errno.ENODEV, "vfio: no IOMMU driver for type " + type));
            openDriver(chosen, type);
            return 0;
        } finally {
            groupLock.writeLock().unlock();
        }
    }

    /** Opens a pinned driver and attaches every group; on failure it is released and unpinned. */
    private void openDriver(VfioIommuDriver chosen, long type) throws KernelException {
        VfioIommu data;
        try {
            data = vfio.calls().call(chosen, "open", () -> chosen.open(type));
        } catch (KernelException e) {
            vfio.unpinDriver(chosen);
            throw e;
        }
        try {
            attachGroups(data);
        } catch (KernelException e) {
            vfio.calls().callVoid(data, "release", data::release);
            vfio.unpinDriver(chosen);
            throw e;
        }
        driver = chosen;
        iommuData = data;
    }

    /** {@code __vfio_container_attach_groups}: on failure, detaches those attached, in reverse. */
    private void attachGroups(VfioIommu data) throws KernelException {
        Deque<VfioGroup> attached = new ArrayDeque<>();
        for (VfioGroup group : groups) {
            try {
                attach(data, group);
            } catch (KernelException e) {
                attached.forEach(g -> detach(data, g));
                throw e;
            }
            attached.push(group);
        }
    }

    /**
     * Any other container ioctl: passed through to the backend under the read lock; EINVAL without
     * one (e.g. {@code MAP_DMA} before {@code SET_IOMMU}).
     *
     * @param current the caller
     * @param cmd the ioctl number
     * @param arg its argument
     * @return the backend's answer
     * @throws KernelException EINVAL without a backend, or the backend's errno
     */
    long ioctl(Task current, int cmd, long arg) throws KernelException {
        // Not withBackend: the hot path passes its arguments to the gate instead of capturing them.
        groupLock.readLock().lock();
        try {
            return vfio.calls().ioctl(backend(), null, current, cmd, arg, BACKEND_IOCTL);
        } finally {
            groupLock.readLock().unlock();
        }
    }

    /**
     * {@code vfio_fops_read}: the backend's read, EINVAL without one.
     *
     * @param current the caller
     * @param buf the user buffer
     * @param count its size
     * @param offset the file offset
     * @return bytes read
     * @throws KernelException EINVAL, or the backend's errno
     */
    long read(Task current, long buf, long count, long offset) throws KernelException {
        return withBackend("read", iommu -> iommu.read(current, buf, count, offset));
    }

    /**
     * {@code vfio_fops_write}: the backend's write, EINVAL without one.
     *
     * @param current the caller
     * @param buf the user buffer
     * @param count its size
     * @param offset the file offset
     * @return bytes written
     * @throws KernelException EINVAL, or the backend's errno
     */
    long write(Task current, long buf, long count, long offset) throws KernelException {
        return withBackend("write", iommu -> iommu.write(current, buf, count, offset));
    }

    /** A call on the backend's per-container state. */
    @FunctionalInterface
    private interface BackendCall {
        long call(VfioIommu iommu) throws KernelException;
    }

    private long withBackend(String what, BackendCall call) throws KernelException {
        groupLock.readLock().lock();
        try {
            VfioIommu iommu = backend();
            return vfio.calls().call(iommu, what, () -> call.call(iommu));
        } finally {
            groupLock.readLock().unlock();
        }
    }

    /**
     * {@return the container as {@code devmodel state} shows it; the mappings come from the
     * backend, run as its module}
     *
     * @param groups the container's groups, as the caller found them
     */
    VfioContainerState state(List<VfioContainerState.Group> groups) {
        groupLock.readLock().lock();
        try {
            if (iommuData == null) {
                return new VfioContainerState(Optional.empty(), groups, List.of());
            }
            List<String> mappings;
            try {
                mappings = vfio.calls().call(iommuData, "mappings", iommuData::mappings);
            } catch (KernelException e) {
                mappings = List.of("(" + driver.name() + " could not list its mappings: " + e.errno().describe() + ")");
            }
            return new VfioContainerState(Optional.of(driver.name()), groups, mappings);
        } finally {
            groupLock.readLock().unlock();
        }
    }

    /** {@return the backend's state}; called with the group lock held */
    private VfioIommu backend() throws KernelException {
        if (iommuData == null) {
            throw new KernelException(Errno.EINVAL, "vfio: no IOMMU driver set");
        }
        return iommuData;
    }

    /** {@code ops->attach_group}, run as the backend's module. */
    private void attach(VfioIommu data, VfioGroup group) throws KernelException {
        vfio.calls().call(data, "attach_group", () -> {
            data.attachGroup(group.iommuGroup());
            return null;
        });
    }

    /** {@code ops->detach_group}, run as the backend's module. */
    private void detach(VfioIommu data, VfioGroup group) {
        vfio.calls().callVoid(data, "detach_group", () -> data.detachGroup(group.iommuGroup()));
    }

    // ---- group membership ------------------------------------------------------------------------

    /**
     * The container half of {@code vfio_group_set_container}: attaches the group to the backend if
     * one is set, links it and takes a container reference for it.
     *
     * @param group the group joining
     * @throws KernelException the backend's attach error; nothing changes then
     */
    void addGroup(VfioGroup group) throws KernelException {
        groupLock.writeLock().lock();
        try {
            if (iommuData != null) {
                attach(iommuData, group);
            }
            group.setContainer(this);
            groups.addFirst(group);
            get();
        } finally {
            groupLock.writeLock().unlock();
        }
    }

    /**
     * {@code __vfio_group_unset_container}: detaches the group from the backend and unlinks it;
     * detaching the last group deprivileges the container, releasing the backend. Drops the group's
     * container reference.
     *
     * @param group a group in this container
     */
    void removeGroup(VfioGroup group) {
        groupLock.writeLock().lock();
        try {
            if (iommuData != null) {
                detach(iommuData, group);
            }
            group.setContainer(null);
            removeIdentical(group);
            if (driver != null && groups.isEmpty()) {
                releaseDriver();
            }
        } finally {
            groupLock.writeLock().unlock();
        }
        put();
    }

    private void removeIdentical(VfioGroup group) {
        for (Iterator<VfioGroup> it = groups.iterator(); it.hasNext(); ) {
            if (it.next() == group) {
                it.remove();
                return;
            }
        }
    }

    /** {@code driver->ops->release} and {@code module_put}; called with the write lock held or at the last put. */
    private void releaseDriver() {
        vfio.calls().callVoid(iommuData, "release", iommuData::release);
        vfio.unpinDriver(driver);
        driver = null;
        iommuData = null;
    }

    /** {@return the backend set, if any} */
    Optional<VfioIommuDriver> driver() {
        groupLock.readLock().lock();
        try {
            return Optional.ofNullable(driver);
        } finally {
            groupLock.readLock().unlock();
        }
    }
}
