package org.example.hello;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.IoctlDescription;
import org.devmodel.core.mem.IoctlTable;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.KernelModuleInfo;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Task;
import org.devmodel.core.snapshot.KernelSnapshot;
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

    private Hello loaded() throws KernelException {
        Hello hello = new Hello();
        hello.init(new TestModuleContext(kernel));
        return hello;
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
        Hello hello = loaded();
        assertThat(kernel.vfs().readText("/proc/misc")).isEqualTo(" 63 hello_dyn\n245 hello\n");
        assertThat(kernel.vfs().stat("/dev/hello").rdev()).contains(DevT.of(10, 245));
        assertThat(kernel.vfs().stat("/dev/hello_dyn").rdev()).contains(DevT.of(10, 63));
        assertThat(kernel.vfs().stat("/dev/hello").permissions()).isEqualTo(0666);
        hello.exit();
        assertThat(kernel.snapshot()).isEqualTo(before);
    }

    @Test
    void aProcessReadsTheGreetingOnceFromItsFilePosition() throws KernelException {
        loaded();
        int fd = task.syscalls().open("/dev/hello", OpenFlags.O_RDONLY);
        assertThat(read(fd, 5)).isEqualTo("Hello");
        assertThat(read(fd, 4096)).isEqualTo(" from devmodel\n");
        assertThat(read(fd, 4096)).isEmpty();
        long n = task.syscalls().pread(fd, buf, 8, 6);
        assertThat(new String(task.memory().copyFromUser(buf, (int) n), StandardCharsets.US_ASCII)).isEqualTo("from dev");
    }

    @Test
    void theIoctlCopiesTheStructInAndOutWithTheMinorOfTheNode() throws KernelException {
        Hello hello = loaded();
        StructValue onHello = exchange("/dev/hello", 16, 41);
        StructValue onDyn = exchange("/dev/hello_dyn", 16, 0xffff);
        assertThat(onHello.get("minor")).isEqualTo(245);
        assertThat(onHello.get("value")).isEqualTo(42);
        assertThat(onDyn.get("minor")).isEqualTo(63);
        assertThat(onDyn.get("value")).isEqualTo(0x10000);
        hello.exit();
    }

    @Test
    void theIoctlRefusesAShortArgszABadPointerAndOtherCommands() throws KernelException {
        loaded();
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
        assertThatThrownBy(this::loaded)
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
        assertThat(kernel.snapshot()).isEqualTo(before);
        assertThat(kernel.vfs().exists("/dev/hello")).isFalse();
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
    void theModuleIsReadyForTheLoader() throws ReflectiveOperationException {
        KernelModuleInfo info = Hello.class.getAnnotation(KernelModuleInfo.class);
        assertThat(info.name()).isEqualTo("hello");
        assertThat(info.aliases()).containsExactly("char-major-10-245", "devname:hello");
        assertThat(Hello.class.getConstructor().newInstance()).isInstanceOf(KernelModule.class);
        assertThat(Hello.class.getModule().getDescriptor().provides()).extracting(ModuleDescriptor.Provides::service)
                .containsExactly(KernelModule.class.getName());
    }
}
