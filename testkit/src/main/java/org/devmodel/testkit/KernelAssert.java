package org.devmodel.testkit;

import static org.devmodel.testkit.error.ShouldContainSnapshotEntry.shouldContainSnapshotEntry;
import static org.devmodel.testkit.error.ShouldHaveModule.shouldHaveModule;
import static org.devmodel.testkit.error.ShouldHaveNoLeaks.shouldHaveNoLeaks;
import static org.devmodel.testkit.error.ShouldHaveNode.shouldHaveNode;

import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.core.snapshot.SnapshotDiff;

/** Assertions on a kernel: its nodes, modules and snapshot state. */
public final class KernelAssert extends AbstractAssert<KernelAssert, Kernel> {

    KernelAssert(Kernel actual) {
        super(actual, KernelAssert.class);
    }

    /**
     * Checks that a path exists, and continues with assertions on it.
     *
     * @param path an absolute path, e.g. {@code /dev/vfio/vfio}
     * @return assertions on the node
     */
    public NodeAssert hasNode(String path) {
        isNotNull();
        try {
            Stat stat = actual.vfs().stat(path);
            return new NodeAssert(actual, path, stat);
        } catch (KernelException e) {
            String dir = nearestDirectory(path);
            throw assertionError(shouldHaveNode(path, dir, listing(dir)));
        }
    }

    private String nearestDirectory(String path) {
        String dir = path;
        do {
            int slash = dir.lastIndexOf('/');
            dir = slash <= 0 ? "/" : dir.substring(0, slash);
        } while (!dir.equals("/") && !actual.vfs().exists(dir));
        return dir;
    }

    private List<String> listing(String dir) {
        try {
            return actual.vfs().list(dir);
        } catch (KernelException e) {
            return List.of();
        }
    }

    /**
     * Checks that a module is loaded (the kernel settled first), and continues with assertions on it.
     *
     * @param name the module name, in either spelling
     * @return assertions on the module
     */
    public ModuleAssert hasModule(String name) {
        isNotNull();
        actual.settle();
        LoadedModule module = actual.modules().find(name).orElseThrow(
                () -> assertionError(shouldHaveModule(name, actual.modules().lsmod())));
        return new ModuleAssert(module);
    }

    /**
     * Checks that the kernel-owned state equals a snapshot taken earlier (static nodes and their
     * modes, userspace state, don't count).
     *
     * @param snapshot the earlier state
     * @return this assertion
     */
    public KernelAssert hasNoLeaksSince(KernelSnapshot snapshot) {
        isNotNull();
        SnapshotDiff diff = snapshot.diff(actual.snapshot());
        if (!diff.isEmpty()) {
            throw assertionError(shouldHaveNoLeaks(diff));
        }
        return myself;
    }

    /**
     * Checks that a section of the kernel's snapshot, core's or a subsystem's, holds an entry, e.g.
     * that misc's section holds {@code 196 vfio}.
     *
     * @param section the section name
     * @param entry the entry
     * @return this assertion
     */
    public KernelAssert hasSnapshotEntry(String section, String entry) {
        isNotNull();
        List<String> entries = actual.snapshot().section(section);
        if (!entries.contains(entry)) {
            throw assertionError(shouldContainSnapshotEntry(section, entry, entries));
        }
        return myself;
    }
}
