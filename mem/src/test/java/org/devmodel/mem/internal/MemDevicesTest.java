package org.devmodel.mem.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.log.LogRecord;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** v3.14's {@code drivers/char/mem.c} corners that the host cannot show without root or a fault. */
class MemDevicesTest {
    private static final long PAGE = AddressSpace.PAGE_SIZE;

    private Kernel kernel;

    @AfterEach
    void close() {
        if (kernel != null) {
            kernel.close();
        }
    }

    private Task boot(String cmdline) throws KernelException {
        kernel = Kernel.boot(KernelOptions.builder().commandLine(cmdline).build());
        return kernel.spawn(Credentials.ROOT);
    }

    @ParameterizedTest(name = "/dev/{0} is 1:{1} mode 0{2}")
    @CsvSource({"null, 3, 666", "zero, 5, 666", "full, 7, 666", "random, 8, 666", "urandom, 9, 666"})
    void devlistGivesMinorsAndModes(String name, int minor, String mode) throws KernelException {
        Stat stat = boot("").syscalls().stat("/dev/" + name);

        assertThat(stat.type()).isEqualTo(FileType.CHAR_DEVICE);
        assertThat(stat.rdev()).contains(DevT.of(1, minor));
        assertThat(stat.permissions()).isEqualTo(Integer.parseInt(mode, 8));
    }

    @Test
    void majorOneIsMemInProcDevicesAndTheClassIsMem() throws KernelException {
        Task task = boot("");

        assertThat(procDevices(task)).startsWith("Character devices:\n  1 mem\n");
        assertThat(kernel.snapshot().section("classes")).contains("mem");
    }

    @Test
    void readZeroStopsAtTheFirstFaultAfterClearingWhatItCould() throws KernelException {
        Task task = boot("");
        long buf = task.memory().mmap(PAGE);
        int fd = task.syscalls().open("/dev/zero", OpenFlags.O_RDONLY);

        assertThat(task.syscalls().read(fd, buf, 3 * PAGE)).as("one page cleared, then a hole").isEqualTo(PAGE);
        assertThatThrownBy(() -> task.syscalls().read(fd, buf + 2 * PAGE, 1)).isInstanceOfSatisfying(
                KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EFAULT));
        assertThatThrownBy(() -> task.syscalls().read(fd, AddressSpace.TASK_SIZE - 1, 2)).as("access_ok")
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EFAULT));
    }

    @Test
    void writeNullNeverReadsTheBufferAndWriteFullFailsEvenEmpty() throws KernelException {
        Syscalls sys = boot("").syscalls();
        int nul = sys.open("/dev/null", OpenFlags.O_WRONLY);
        int full = sys.open("/dev/full", OpenFlags.O_WRONLY);

        assertThat(sys.write(nul, 0x1000, 4096)).as("an unmapped buffer").isEqualTo(4096);
        assertThatThrownBy(() -> sys.write(full, 0x1000, 0)).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.ENOSPC));
    }

    @Test
    void urandomSeeksNowhereAndRandomIoctlsAreEinval() throws KernelException {
        Syscalls sys = boot("").syscalls();
        int fd = sys.open("/dev/urandom", OpenFlags.O_RDONLY);

        assertThat(sys.lseek(fd, 100, 0)).as("noop_llseek").isZero();
        assertThatThrownBy(() -> sys.ioctl(fd, 0x8004_5200, 0)).isInstanceOfSatisfying(KernelException.class,
                e -> assertThat(e.errno()).isEqualTo(Errno.EINVAL));
    }

    @Test
    void urandomRepeatsPerSeedAndDiffersAcrossSeeds() throws KernelException {
        byte[] first = urandom("random.seed=7");
        close();
        byte[] again = urandom("random.seed=7");
        close();
        byte[] other = urandom("random.seed=8");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void aSeedThatIsNotANumberIsLoggedAndZeroIsUsed() throws KernelException {
        byte[] zero = urandom("random.seed=0");
        close();
        byte[] bad = urandom("random.seed=x");

        assertThat(bad).isEqualTo(zero);
        assertThat(kernel.log().records()).extracting(LogRecord::text)
                .contains("random.seed=x: not a number, seeding with 0");
    }

    private byte[] urandom(String cmdline) throws KernelException {
        Task task = boot(cmdline);
        long buf = task.memory().mmap(PAGE);
        int fd = task.syscalls().open("/dev/urandom", OpenFlags.O_RDONLY);
        assertThat(task.syscalls().read(fd, buf, 32)).isEqualTo(32);
        return task.memory().copyFromUser(buf, 32);
    }

    private static String procDevices(Task task) throws KernelException {
        long buf = task.memory().mmap(PAGE);
        int fd = task.syscalls().open("/proc/devices", OpenFlags.O_RDONLY);
        long n = task.syscalls().read(fd, buf, PAGE);
        return new String(task.memory().copyFromUser(buf, (int) n), StandardCharsets.US_ASCII);
    }
}
