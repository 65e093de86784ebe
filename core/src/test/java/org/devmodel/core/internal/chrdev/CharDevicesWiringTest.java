package org.devmodel.core.internal.chrdev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.devmodel.core.internal.Errnos.errnoOf;

import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.chrdev.Cdev;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Syscalls;
import org.devmodel.core.proc.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The char-device layer as a kernel user sees it: {@code /proc/devices} read through the VFS, the
 * dynamic major chosen by {@code alloc_chrdev_region} and its exhaustion, and {@code chrdev_open} of
 * nodes through the system calls. The registry's own corner cases are in {@link CharRegionsTest}.
 */
class CharDevicesWiringTest {
    private static final String BLOCK = "\nBlock devices:\n";

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
    void procDevicesIsEmptyOfCharMajorsAtBoot() throws Exception {
        assertThat(kernel.vfs().readText("/proc/devices")).isEqualTo("Character devices:\n" + BLOCK);
    }

    @Test
    void dynamicMajorsComeFrom254DownAndProcDevicesListsThemByBucket() throws Exception {
        DevT first = kernel.chrdev().allocRegion(0, 1, "first");
        DevT second = kernel.chrdev().allocRegion(5, 3, "second");
        kernel.chrdev().registerRegion(DevT.of(10, 0), 256, "misc");

        assertThat(first).isEqualTo(DevT.of(254, 0));
        assertThat(second).isEqualTo(DevT.of(253, 5));
        assertThat(kernel.vfs().readText("/proc/devices"))
                .isEqualTo("Character devices:\n 10 misc\n253 second\n254 first\n" + BLOCK);
    }

    @Test
    void aMajorAbove254IsListedInItsBucketAndMakesThatBucketLookTaken() throws Exception {
        kernel.chrdev().registerRegion(DevT.of(509, 0), 1, "high");

        DevT dynamic = kernel.chrdev().allocRegion(0, 1, "dyn");

        assertThat(dynamic.major()).as("509 %% 255 = 254 is not empty").isEqualTo(253);
        assertThat(kernel.vfs().readText("/proc/devices"))
                .isEqualTo("Character devices:\n253 dyn\n509 high\n" + BLOCK);
    }

    @Test
    void aMajorRegisteredAsSeveralRegionsIsListedOncePerRegion() throws Exception {
        kernel.chrdev().registerRegion(DevT.of(240, 0), 1, "one");
        kernel.chrdev().registerRegion(DevT.of(240, 1), 1, "two");

        assertThat(kernel.vfs().readText("/proc/devices"))
                .isEqualTo("Character devices:\n240 one\n240 two\n" + BLOCK);
    }

    @Test
    void whenEveryBucketFrom1To254IsTakenAllocationIsEbusyUntilOneIsFreed() throws Exception {
        for (int major = 1; major <= 254; major++) {
            kernel.chrdev().registerRegion(DevT.of(major, 0), 1, "m" + major);
        }
        long mark = kernel.ledger().mark();

        assertThat(errnoOf(() -> kernel.chrdev().allocRegion(0, 1, "late"))).isEqualTo(Errno.EBUSY);
        assertThat(kernel.ledger().since(mark)).isEmpty();

        kernel.chrdev().unregisterRegion(DevT.of(77, 0), 1);
        assertThat(kernel.chrdev().allocRegion(0, 1, "late")).isEqualTo(DevT.of(77, 0));
    }

    @Test
    void bucketZeroIsNeverHandedOut() throws Exception {
        for (int major = 1; major <= 254; major++) {
            kernel.chrdev().registerRegion(DevT.of(major, 0), 1, "m" + major);
        }
        kernel.chrdev().unregisterRegion(DevT.of(77, 0), 1);
        kernel.chrdev().allocRegion(0, 1, "last");

        assertThat(errnoOf(() -> kernel.chrdev().allocRegion(0, 1, "none"))).isEqualTo(Errno.EBUSY);
    }

    @Test
    void anOverlappingStaticRegionIsEbusyAndNotListed() throws Exception {
        kernel.chrdev().registerRegion(DevT.of(240, 0), 4, "a");

        assertThat(errnoOf(() -> kernel.chrdev().registerRegion(DevT.of(240, 3), 4, "b"))).isEqualTo(Errno.EBUSY);
        assertThat(kernel.vfs().readText("/proc/devices")).doesNotContain(" b\n");
    }

    @Test
    void unregisterWithAnotherCountIsIgnored() throws Exception {
        kernel.chrdev().registerRegion(DevT.of(240, 0), 4, "a");

        kernel.chrdev().unregisterRegion(DevT.of(240, 0), 3);

        assertThat(kernel.vfs().readText("/proc/devices")).contains("240 a\n");
    }

    @Test
    void registerChrdevWithMajorZeroTakesADynamicMajorAndServesMinors0To255() throws Exception {
        int major = kernel.chrdev().registerChrdev(0, "legacy", new FileOperations() { });
        kernel.vfs().devtmpfs().createStaticNode("last", FileType.CHAR_DEVICE, DevT.of(major, 255));
        kernel.vfs().devtmpfs().createStaticNode("beyond", FileType.CHAR_DEVICE, DevT.of(major, 256));
        Syscalls sys = kernel.spawn(Credentials.ROOT).syscalls();

        assertThat(major).isEqualTo(254);
        assertThat(kernel.vfs().readText("/proc/devices")).contains("254 legacy\n");
        assertThat(sys.open("/dev/last", OpenFlags.O_RDWR)).isEqualTo(3);
        assertThat(errnoOf(() -> sys.open("/dev/beyond", OpenFlags.O_RDWR))).isEqualTo(Errno.ENXIO);

        kernel.chrdev().unregisterChrdev(254, "legacy");
        assertThat(kernel.vfs().readText("/proc/devices")).isEqualTo("Character devices:\n" + BLOCK);
        assertThat(errnoOf(() -> sys.open("/dev/last", OpenFlags.O_RDWR))).isEqualTo(Errno.ENXIO);
    }

    @Test
    void theNarrowestCdevServesAnOpen() throws Exception {
        kernel.chrdev().cdevAdd(DevT.of(240, 0), 256, named("wide"));
        kernel.chrdev().cdevAdd(DevT.of(240, 7), 1, named("narrow"));
        kernel.vfs().devtmpfs().createStaticNode("seven", FileType.CHAR_DEVICE, DevT.of(240, 7));
        kernel.vfs().devtmpfs().createStaticNode("six", FileType.CHAR_DEVICE, DevT.of(240, 6));
        Syscalls sys = kernel.spawn(Credentials.ROOT).syscalls();

        assertThat(sys.ioctl(sys.open("/dev/seven", OpenFlags.O_RDWR), 0, 0)).isEqualTo("narrow".length());
        assertThat(sys.ioctl(sys.open("/dev/six", OpenFlags.O_RDWR), 0, 0)).isEqualTo("wide".length());
    }

    @Test
    void cdevDelStopsNewOpensButAnOpenFileKeepsItsOperations() throws Exception {
        Cdev cdev = kernel.chrdev().cdevAdd(DevT.of(240, 0), 1, named("served"));
        kernel.vfs().devtmpfs().createStaticNode("node", FileType.CHAR_DEVICE, DevT.of(240, 0));
        Syscalls sys = kernel.spawn(Credentials.ROOT).syscalls();
        int fd = sys.open("/dev/node", OpenFlags.O_RDWR);

        kernel.chrdev().cdevDel(cdev);

        assertThat(errnoOf(() -> sys.open("/dev/node", OpenFlags.O_RDWR))).isEqualTo(Errno.ENXIO);
        assertThat(sys.ioctl(fd, 0, 0)).isEqualTo("served".length());
    }

    /** Operations whose ioctl answers a value identifying them. */
    private static FileOperations named(String name) {
        return new FileOperations() {
            @Override
            public long ioctl(OpenFile file, Task current, int cmd, long arg) throws KernelException {
                return name.length();
            }
        };
    }
}
