package org.devmodel.it.misc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Task;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;
import org.junit.jupiter.api.Test;

/**
 * The example third-party driver {@code hello} as a user meets it: its jar in a modules directory,
 * its node at boot, loaded by the first open, its ioctl called by the description it ships, and
 * unloaded by rmmod once closed.
 */
class HelloFromModulesDirectoryTest {

    private static Kernel boot() throws KernelException {
        return Kernel.boot(KernelOptions.builder().bootLayerModules(false)
                .modulesDirectory(Path.of(System.getProperty("devmodel.modules"))).build());
    }

    @Test
    void theFirstOpenOfDevHelloLoadsItAndRmmodUnloadsItOnceClosed() throws Exception {
        try (Kernel kernel = boot()) {
            KernelSnapshot before = kernel.snapshot();
            assertThat(kernel.vfs().readText("/lib/modules/3.14.0-devmodel/modules.devname"))
                    .contains("hello hello c10:245\n");
            assertThat(kernel.vfs().stat("/dev/hello").permissions()).isEqualTo(0600);
            assertThat(kernel.modules().find("hello")).isEmpty();

            Task task = kernel.spawn(Credentials.ROOT);
            long buf = task.syscalls().mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE,
                    Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
            int fd = task.syscalls().open("/dev/hello", OpenFlags.O_RDWR);
            kernel.settle();
            assertThat(kernel.modules().find("hello")).hasValueSatisfying(m -> assertThat(m.refcount()).isEqualTo(1));
            assertThat(kernel.vfs().stat("/dev/hello").permissions()).isEqualTo(0666);

            long n = task.syscalls().read(fd, buf, 4096);
            assertThat(new String(task.memory().copyFromUser(buf, (int) n), StandardCharsets.US_ASCII))
                    .isEqualTo("Hello from devmodel\n");

            IoctlTable table = IoctlTable.parse(new StringReader(kernel.modules().ioctlDescriptions("hello")
                    .orElseThrow()), "hello");
            IoctlDescription exchange = table.ioctl("HELLO_IOC_EXCHANGE").orElseThrow();
            StructValue.of(exchange.layout().orElseThrow()).set("argsz", 16).set("value", 41)
                    .copyToUser(task.memory(), buf);
            assertThat(task.syscalls().ioctl(fd, exchange.number(), buf)).isZero();
            StructValue out = StructValue.copyFromUser(task.memory(), buf, exchange.layout().orElseThrow());
            assertThat(out.get("minor")).isEqualTo(245);
            assertThat(out.get("value")).isEqualTo(42);

            assertThatThrownBy(() -> kernel.modules().rmmod("hello"))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN));
            task.syscalls().close(fd);
            kernel.modules().rmmod("hello");
            assertThat(kernel.modules().find("hello")).isEmpty();
            assertThat(kernel.vfs().stat("/dev/hello").rdev()).contains(DevT.of(10, 245));
            kernel.exit(task);
            assertThat(kernel.snapshot()).isEqualTo(before);
        }
    }
}
