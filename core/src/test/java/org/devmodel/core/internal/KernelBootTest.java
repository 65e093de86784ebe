package org.devmodel.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.devmodel.core.DevT;
import org.devmodel.core.Kernel;
import org.devmodel.core.device.DevnodeSpec;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Task;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.junit.jupiter.api.Test;

class KernelBootTest {

    @Test
    void aProcessReadsProcDevicesThroughTheSyscalls() throws Exception {
        try (Kernel kernel = Kernel.boot()) {
            kernel.chrdev().registerRegion(DevT.of(10, 0), 256, "misc");
            Task task = kernel.spawn(Credentials.ROOT);
            int fd = task.syscalls().open("/proc/devices", OpenFlags.O_RDONLY);
            long buf = task.syscalls().mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            long n = task.syscalls().read(fd, buf, 4096);
            String text = new String(task.memory().copyFromUser(buf, (int) n), StandardCharsets.UTF_8);
            assertThat(fd).isEqualTo(3);
            assertThat(buf).isEqualTo(0x7f0000000000L);
            assertThat(text).isEqualTo("Character devices:\n 10 misc\n\nBlock devices:\n");
        }
    }

    @Test
    void aClassDeviceGetsANodeThatOpensItsCdevAndGoesAwayAgain() throws Exception {
        try (Kernel kernel = Kernel.boot()) {
            KernelSnapshot before = kernel.snapshot();
            DevT base = kernel.chrdev().allocRegion(0, 4, "demo");
            var cdev = kernel.chrdev().cdevAdd(base, 4, new FileOperations() { });
            DeviceClass cls = kernel.devices().classCreate("demo", d -> DevnodeSpec.named("demo/" + d.name()));
            kernel.devices().deviceCreate(cls, null, base, null, "0");
            kernel.settle();
            assertThat(kernel.vfs().stat("/dev/demo/0").rdev()).contains(DevT.of(254, 0));
            assertThat(kernel.vfs().readText("/sys/class/demo/0/dev")).isEqualTo("254:0\n");
            Task task = kernel.spawn(Credentials.ROOT);
            int fd = task.syscalls().open("/dev/demo/0", OpenFlags.O_RDWR);
            task.syscalls().close(fd);
            kernel.devices().deviceDestroy(cls, base);
            kernel.devices().classDestroy(cls);
            kernel.chrdev().cdevDel(cdev);
            kernel.chrdev().unregisterRegion(base, 4);
            assertThat(kernel.vfs().exists("/dev/demo")).isFalse();
            assertThat(kernel.snapshot()).isEqualTo(before);
        }
    }
}
