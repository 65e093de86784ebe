package org.devmodel.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devmodel.core.DevT;
import org.devmodel.core.Kernel;
import org.devmodel.core.device.DevnodeCallback;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshots of kernel-owned state and the diff that names a leaked resource. */
class KernelSnapshotTest {
    private Kernel kernel;

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    @Test
    void aLeakedClassIsNamedByTheDiff() throws Exception {
        KernelSnapshot before = kernel.snapshot();

        kernel.devices().classCreate("leaky", DevnodeCallback.NONE);

        SnapshotDiff diff = before.diff(kernel.snapshot());
        assertThat(diff.added()).isEqualTo(Map.of("classes", List.of("leaky")));
        assertThat(diff.removed()).isEmpty();
        assertThat(diff).hasToString("+ classes: leaky\n");
        assertThat(kernel.snapshot()).isNotEqualTo(before);
    }

    @Test
    void everyPieceOfADriversStateIsNamed() throws Exception {
        KernelSnapshot before = kernel.snapshot();
        DevT base = kernel.chrdev().allocRegion(0, 2, "demo");
        kernel.chrdev().cdevAdd(base, 2, new FileOperations() { });
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, base, null, "demo0");
        Task task = kernel.spawn(Credentials.ROOT);
        task.syscalls().open("/dev/demo0", OpenFlags.O_RDWR);

        assertThat(before.diff(kernel.snapshot())).hasToString(
                "+ cdevs: 254:0+2\n"
                + "+ chrdev regions: 254:0+2 demo\n"
                + "+ class devices: demo/demo0 254:0\n"
                + "+ classes: demo\n"
                + "+ devtmpfs nodes: c 254:0 0600 0:0 demo0\n"
                + "+ fds: pid " + task.pid() + " fd 3 /dev/demo0\n"
                + "+ open files: /dev/demo0 (refs 1)\n");
    }

    @Test
    void whatWentAwayIsListedAsRemoved() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        KernelSnapshot before = kernel.snapshot();

        kernel.devices().classDestroy(cls);

        assertThat(before.diff(kernel.snapshot())).hasToString("- classes: demo\n");
    }

    @Test
    void undoingEverythingGivesAnEqualSnapshot() throws Exception {
        KernelSnapshot before = kernel.snapshot();
        DeviceClass cls = kernel.devices().classCreate("demo", DevnodeCallback.NONE);
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 0), null, "demo0");
        kernel.devices().deviceDestroy(cls, DevT.of(240, 0));
        kernel.devices().classDestroy(cls);

        KernelSnapshot after = kernel.snapshot();
        assertThat(before.diff(after).isEmpty()).isTrue();
        assertThat(before.diff(after)).hasToString("no change\n");
        assertThat(after).isEqualTo(before).hasSameHashCodeAs(before);
    }

    @Test
    void staticNodesAndTheModesUdevSetsAreListedButNeverALeak() throws Exception {
        KernelSnapshot before = kernel.snapshot();
        kernel.vfs().devtmpfs().createStaticNode("vfio/vfio", FileType.CHAR_DEVICE, DevT.of(10, 196));
        kernel.vfs().devtmpfs().chmod("vfio/vfio", 0666);

        KernelSnapshot after = kernel.snapshot();

        assertThat(after.section("static nodes")).containsExactly("c 10:196 0666 0:0 vfio/vfio");
        assertThat(after.sections()).doesNotContainKey("static nodes");
        assertThat(after).isEqualTo(before);
        assertThat(after.toString()).contains("static nodes (userspace):\n  c 10:196 0666 0:0 vfio/vfio\n");
    }

    @Test
    void aContributedSectionIsCapturedAndDiffedUntilRemoved() {
        List<String> minors = new ArrayList<>();
        SnapshotContributor misc = new SnapshotContributor() {
            @Override
            public String section() {
                return "misc";
            }

            @Override
            public List<String> entries() {
                return List.copyOf(minors);
            }
        };
        kernel.addSnapshotContributor(misc);
        KernelSnapshot before = kernel.snapshot();

        minors.add("196 vfio");

        assertThat(before.diff(kernel.snapshot())).hasToString("+ misc: 196 vfio\n");
        kernel.removeSnapshotContributor(misc);
        assertThat(kernel.snapshot().section("misc")).isEmpty();
    }

    @Test
    void aSecondEqualEntryCountsAsALeakToo() throws Exception {
        kernel.chrdev().cdevAdd(DevT.of(240, 0), 1, new FileOperations() { });
        KernelSnapshot before = kernel.snapshot();

        kernel.chrdev().cdevAdd(DevT.of(240, 0), 1, new FileOperations() { });

        assertThat(before.diff(kernel.snapshot())).hasToString("+ cdevs: 240:0+1\n");
    }
}
