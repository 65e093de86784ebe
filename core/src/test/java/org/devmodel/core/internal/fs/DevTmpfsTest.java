package org.devmodel.core.internal.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.devmodel.core.DevT;
import org.devmodel.core.Kernel;
import org.devmodel.core.device.DevnodeSpec;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.fs.DevTmpfs;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * devtmpfs through {@code device_create}/{@code device_destroy}: nested names, the directories it
 * creates and removes, and static nodes it never touches.
 */
class DevTmpfsTest {
    private Kernel kernel;
    private DevTmpfs devtmpfs;
    private DeviceClass vfio;

    @BeforeEach
    void boot() throws Exception {
        kernel = Kernel.boot();
        devtmpfs = kernel.vfs().devtmpfs();
        vfio = kernel.devices().classCreate("vfio", d -> DevnodeSpec.named("vfio/" + d.name()));
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    @Test
    void aNestedNameCreatesItsDirectoriesWithMode0755() throws Exception {
        DeviceClass deep = kernel.devices().classCreate("deep", d -> DevnodeSpec.named("a/b/c/" + d.name()));

        kernel.devices().deviceCreate(deep, null, DevT.of(240, 0), null, "node");

        for (String dir : new String[] {"/dev/a", "/dev/a/b", "/dev/a/b/c"}) {
            Stat stat = kernel.vfs().stat(dir);
            assertThat(stat.type()).as(dir).isEqualTo(FileType.DIRECTORY);
            assertThat(stat.permissions()).as(dir).isEqualTo(0755);
        }
        assertThat(kernel.vfs().stat("/dev/a/b/c/node").rdev()).contains(DevT.of(240, 0));
        assertThat(devtmpfs.kernelNodes()).containsExactly("c 240:0 0600 0:0 a/b/c/node");
    }

    @Test
    void theDirectoriesGoWithTheirLastNode() throws Exception {
        DeviceClass deep = kernel.devices().classCreate("deep", d -> DevnodeSpec.named("a/b/" + d.name()));
        kernel.devices().deviceCreate(deep, null, DevT.of(240, 0), null, "0");
        kernel.devices().deviceCreate(deep, null, DevT.of(240, 1), null, "1");

        kernel.devices().deviceDestroy(deep, DevT.of(240, 0));
        assertThat(kernel.vfs().list("/dev/a/b")).containsExactly("1");

        kernel.devices().deviceDestroy(deep, DevT.of(240, 1));
        assertThat(kernel.vfs().exists("/dev/a")).isFalse();
        assertThat(kernel.vfs().exists("/dev")).isTrue();
        assertThat(devtmpfs.kernelNodes()).isEmpty();
    }

    @Test
    void aSharedParentStaysWhileAnotherBranchHasNodes() throws Exception {
        DeviceClass deep = kernel.devices().classCreate("deep", d -> DevnodeSpec.named("a/" + d.name() + "/n"));
        kernel.devices().deviceCreate(deep, null, DevT.of(240, 0), null, "x");
        kernel.devices().deviceCreate(deep, null, DevT.of(240, 1), null, "y");

        kernel.devices().deviceDestroy(deep, DevT.of(240, 0));

        assertThat(kernel.vfs().list("/dev/a")).containsExactly("y");
    }

    @Test
    void aStaticNodeIsNeverRemovedByDeviceDestroyNorItsDirectory() throws Exception {
        devtmpfs.createStaticNode("vfio/vfio", FileType.CHAR_DEVICE, DevT.of(10, 196));
        DeviceClass misc = kernel.devices().classCreate("misc", d -> DevnodeSpec.named("vfio/vfio"));
        kernel.devices().deviceCreate(misc, null, DevT.of(10, 196), null, "vfio");

        kernel.devices().deviceDestroy(misc, DevT.of(10, 196));

        assertThat(kernel.vfs().stat("/dev/vfio/vfio").rdev()).contains(DevT.of(10, 196));
        assertThat(devtmpfs.staticNodes()).containsExactly("c 10:196 0600 0:0 vfio/vfio");
    }

    @Test
    void aStaticDirectoryStaysWhenTheLastKernelNodeInItGoes() throws Exception {
        devtmpfs.createStaticNode("vfio/vfio", FileType.CHAR_DEVICE, DevT.of(10, 196));
        kernel.devices().deviceCreate(vfio, null, DevT.of(254, 0), null, "0");
        assertThat(kernel.vfs().list("/dev/vfio")).containsExactly("0", "vfio");

        kernel.devices().deviceDestroy(vfio, DevT.of(254, 0));

        assertThat(kernel.vfs().list("/dev/vfio")).containsExactly("vfio");
    }

    @Test
    void aDirectoryDevtmpfsDidNotCreateStaysEvenWhenItsLastKernelNodeEmptiesIt() throws Exception {
        devtmpfs.createStaticNode("vfio/vfio", FileType.CHAR_DEVICE, DevT.of(10, 196));
        kernel.devices().deviceCreate(vfio, null, DevT.of(254, 0), null, "0");
        VfsImpl vfs = (VfsImpl) kernel.vfs();
        synchronized (vfs) {
            Node staticNode = vfs.resolve("/dev/vfio/vfio");
            staticNode.parent().children().remove(staticNode.name()); // userspace: rm /dev/vfio/vfio
        }

        kernel.devices().deviceDestroy(vfio, DevT.of(254, 0));

        assertThat(kernel.vfs().stat("/dev/vfio").type()).isEqualTo(FileType.DIRECTORY);
        assertThat(kernel.vfs().list("/dev/vfio")).isEmpty();
    }

    @Test
    void eexistOnAStaticNodeLeavesItUntouched() throws Exception {
        assertThat(devtmpfs.createStaticNode("vfio/vfio", FileType.CHAR_DEVICE, DevT.of(10, 196))).isTrue();

        boolean created = devtmpfs.createNode("vfio/vfio", FileType.CHAR_DEVICE, DevT.of(10, 200), 0666, 1000, 1000);

        assertThat(created).isFalse();
        Stat stat = kernel.vfs().stat("/dev/vfio/vfio");
        assertThat(stat.rdev()).contains(DevT.of(10, 196));
        assertThat(stat.permissions()).isEqualTo(0600);
        assertThat(stat.uid()).isZero();
        assertThat(devtmpfs.kernelNodes()).isEmpty();
    }

    @Test
    void deleteNodeRefusesANodeOfAnotherNumberOrType() throws Exception {
        devtmpfs.createNode("x", FileType.CHAR_DEVICE, DevT.of(240, 0), 0600, 0, 0);

        assertThat(devtmpfs.deleteNode("x", FileType.CHAR_DEVICE, DevT.of(240, 1))).isFalse();
        assertThat(devtmpfs.deleteNode("x", FileType.BLOCK_DEVICE, DevT.of(240, 0))).isFalse();
        assertThat(kernel.vfs().exists("/dev/x")).isTrue();
        assertThat(devtmpfs.deleteNode("x", FileType.CHAR_DEVICE, DevT.of(240, 0))).isTrue();
        assertThat(kernel.vfs().exists("/dev/x")).isFalse();
    }

    @Test
    void aStaticNodeIsMadeRootOwned0600WithParents0755() throws Exception {
        devtmpfs.createStaticNode("snd/timer", FileType.CHAR_DEVICE, DevT.of(116, 33));

        assertThat(kernel.vfs().stat("/dev/snd").permissions()).isEqualTo(0755);
        Stat node = kernel.vfs().stat("/dev/snd/timer");
        assertThat(node.mode()).isEqualTo(0020000 | 0600);
        assertThat(node.uid()).isZero();
        assertThat(node.gid()).isZero();
    }

    @Test
    void aNodeRemovedAndCreatedAgainGetsItsDirectoryBack() throws Exception {
        kernel.devices().deviceCreate(vfio, null, DevT.of(254, 0), null, "0");
        kernel.devices().deviceDestroy(vfio, DevT.of(254, 0));
        assertThat(kernel.vfs().exists("/dev/vfio")).isFalse();

        kernel.devices().deviceCreate(vfio, null, DevT.of(254, 0), null, "0");

        assertThat(kernel.vfs().list("/dev/vfio")).containsExactly("0");
    }

    @Test
    void devtmpfsNodesAreListedSortedByPath() throws Exception {
        DeviceClass cls = kernel.devices().classCreate("demo", d -> new DevnodeSpec(Optional.of(d.name()), 0640));
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 2), null, "zz");
        kernel.devices().deviceCreate(vfio, null, DevT.of(254, 0), null, "0");
        kernel.devices().deviceCreate(cls, null, DevT.of(240, 1), null, "aa");

        assertThat(devtmpfs.kernelNodes()).containsExactly("c 240:1 0640 0:0 aa", "c 254:0 0600 0:0 vfio/0",
                "c 240:2 0640 0:0 zz");
    }
}
