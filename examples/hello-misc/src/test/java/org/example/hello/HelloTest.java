package org.example.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Task;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;
import org.devmodel.misc.MiscDevice;
import org.devmodel.misc.MiscRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HelloTest {
    private Kernel kernel;
    private Task task;
    private long buf;

    @BeforeEach
    void boot() throws KernelException {
        kernel = Kernel.boot();
        task = kernel.spawn(Credentials.ROOT);
        buf = task.syscalls().mmap(4096, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS, -1, 0);
    }

    @AfterEach
    void shutDown() {
        kernel.close();
    }

    /** modprobe, then wait for udev as {@code udevadm settle} does: node modes come with the uevents. */
    private void load() throws KernelException {
        kernel.modules().modprobe("hello", Map.of());
        kernel.settle();
    }

    private void unload() throws KernelException {
        kernel.modules().rmmod("hello");
    }

    private String read(int fd, long count) throws KernelException {
        long n = task.syscalls().read(fd, buf, count);
        return new String(task.memory().copyFromUser(buf, (int) n), StandardCharsets.US_ASCII);
    }

    private StructValue exchange(String path, long argsz, long value) throws KernelException {
        int fd = task.syscalls().open(path, OpenFlags.O_RDWR);
        StructValue.of(HelloUapi.HELLO_EXCHANGE).set("argsz", argsz).set("value", value).copyToUser(task.memory(), buf);
        task.syscalls().ioctl(fd, HelloUapi.HELLO_IOC_EXCHANGE, buf);
        return StructValue.copyFromUser(task.memory(), buf, HelloUapi.HELLO_EXCHANGE);
    }

    @Test
    void initRegistersHelloAndADynamicMinorAndExitLeavesTheKernelAsBefore() throws KernelException {
        KernelSnapshot before = kernel.snapshot();
        load();
        assertThat(kernel.vfs().readText("/proc/misc")).isEqualTo(" 63 hello_dyn\n245 hello\n");
        assertThat(kernel.vfs().stat("/dev/hello").rdev()).contains(DevT.of(10, 245));
        assertThat(kernel.vfs().stat("/dev/hello_dyn").rdev()).contains(DevT.of(10, 63));
        assertThat(kernel.vfs().stat("/dev/hello").permissions()).isEqualTo(0666);
        unload();
        assertThat(kernel.snapshot()).isEqualTo(before);
    }

    @Test
    void aProcessReadsTheGreetingOnceFromItsFilePosition() throws KernelException {
        load();
        int fd = task.syscalls().open("/dev/hello", OpenFlags.O_RDONLY);
        assertThat(read(fd, 5)).isEqualTo("Hello");
        assertThat(read(fd, 4096)).isEqualTo(" from devmodel\n");
        assertThat(read(fd, 4096)).isEmpty();
        long n = task.syscalls().pread(fd, buf, 8, 6);
        assertThat(new String(task.memory().copyFromUser(buf, (int) n), StandardCharsets.US_ASCII)).isEqualTo("from dev");
    }

    @Test
    void theIoctlCopiesTheStructInAndOutWithTheMinorOfTheNode() throws KernelException {
        load();
        StructValue onHello = exchange("/dev/hello", 16, 41);
        StructValue onDyn = exchange("/dev/hello_dyn", 16, 0xffff);
        assertThat(onHello.get("minor")).isEqualTo(245);
        assertThat(onHello.get("value")).isEqualTo(42);
        assertThat(onDyn.get("minor")).isEqualTo(63);
        assertThat(onDyn.get("value")).isEqualTo(0x10000);
    }

    @Test
    void theIoctlRefusesAShortArgszABadPointerAndOtherCommands() throws KernelException {
        load();
        assertThatThrownBy(() -> exchange("/dev/hello", 8, 1))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
        int fd = task.syscalls().open("/dev/hello", OpenFlags.O_RDWR);
        assertThatThrownBy(() -> task.syscalls().ioctl(fd, HelloUapi.HELLO_IOC_EXCHANGE, 0x1000))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EFAULT));
        assertThatThrownBy(() -> task.syscalls().ioctl(fd, HelloUapi.HELLO_IOC_EXCHANGE + 1, buf))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOTTY));
    }

    @Test
    void aFailingSecondRegistrationUnwindsTheFirst() throws KernelException {
        MiscRegistry.of(kernel).register(MiscDevice.builder(200, "hello_dyn", new FileOperations() { }).build());
        KernelSnapshot before = kernel.snapshot();
        assertThatThrownBy(this::load)
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        assertThat(kernel.snapshot()).isEqualTo(before);
        assertThat(kernel.vfs().readText("/proc/misc")).isEqualTo("200 hello_dyn\n");
    }

    @Test
    void theShippedIoctlDescriptionIsTheOneTheDriverServes() throws IOException {
        IoctlTable table = IoctlTable.fromModule(ModuleLayer.boot().configuration()
                .findModule("org.example.hello").orElseThrow().reference()).orElseThrow();
        IoctlDescription exchange = table.ioctl("HELLO_IOC_EXCHANGE").orElseThrow();
        assertThat(exchange.number()).isEqualTo(HelloUapi.HELLO_IOC_EXCHANGE).isEqualTo(0xC0106801);
        assertThat(exchange.fileKind()).isEqualTo("hello");
        assertThat(table.layout("hello_exchange").orElseThrow().fields())
                .extracting(f -> f.name() + "@" + f.offset())
                .containsExactlyElementsOf(HelloUapi.HELLO_EXCHANGE.fields().stream()
                        .map(f -> f.name() + "@" + f.offset()).toList());
    }

    @Test
    void openingTheStaticNodeLoadsTheModuleAndRmmodWaitsForTheLastClose() throws KernelException {
        assertThat(kernel.vfs().stat("/dev/hello").permissions()).isEqualTo(0600);
        assertThat(kernel.modules().find("hello")).isEmpty();
        int fd = task.syscalls().open("/dev/hello", OpenFlags.O_RDONLY);
        assertThat(read(fd, 5)).isEqualTo("Hello");
        assertThat(kernel.modules().find("hello")).hasValueSatisfying(m -> assertThat(m.refcount()).isEqualTo(1));
        assertThatThrownBy(this::unload)
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EAGAIN));
        task.syscalls().close(fd);
        unload();
        assertThat(kernel.vfs().stat("/dev/hello").rdev()).contains(DevT.of(10, 245));
    }
}
