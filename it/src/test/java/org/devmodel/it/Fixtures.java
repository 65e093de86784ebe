package org.devmodel.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.module.ModuleState;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Task;

/** What the tests share: the fixtures' names, kernel options, and the autoload cycle both layers must pass. */
final class Fixtures {
    static final String CHARDEV = "fixture_chardev";
    static final String DEPENDENT = "fixture_dependent";
    static final String NODE = "/dev/fixture0";
    static final DevT DEVT = DevT.of(240, 0);

    private Fixtures() {
    }

    /** {@return the modules directory the build filled with every fixture jar} */
    static Path modulesDirectory() {
        return Path.of(System.getProperty("devmodel.modules"));
    }

    /**
     * {@return options for a kernel whose index holds only some boot-layer modules}
     *
     * @param modules their names
     */
    static KernelOptions boot(String... modules) {
        return KernelOptions.builder().indexedModules(List.of(modules)).build();
    }

    /** {@return options for a kernel whose index holds the whole modules directory and no boot-layer module} */
    static KernelOptions directory() {
        return KernelOptions.builder().bootLayerModules(false).modulesDirectory(modulesDirectory()).build();
    }

    /**
     * {@return the errno a kernel call fails with}
     *
     * @param call the call
     */
    static Errno errnoOf(ThrowingCallable call) {
        KernelException e = catchThrowableOfType(KernelException.class, call);
        assertThat(e).as("expected a KernelException").isNotNull();
        return e.errno();
    }

    /** {@return whether a module is loaded and live} */
    static boolean live(Kernel kernel, String name) {
        return kernel.modules().find(name).map(m -> m.state() == ModuleState.LIVE).orElse(false);
    }

    /**
     * The seed's story on fixture_chardev: the node exists at boot (0600) with the module unloaded;
     * opening it loads the module (and udev makes the node 0666); rmmod is EAGAIN while the file is
     * open and succeeds after close; the static node stays; the next open loads the module again.
     */
    static void assertAutoloadCycle(Kernel kernel) throws KernelException {
        Stat atBoot = kernel.vfs().stat(NODE);
        assertThat(atBoot.type()).isEqualTo(FileType.CHAR_DEVICE);
        assertThat(atBoot.rdev()).contains(DEVT);
        assertThat(atBoot.permissions()).isEqualTo(0600);
        assertThat(kernel.modules().find(CHARDEV)).isEmpty();

        Task task = kernel.spawn(Credentials.ROOT);
        int fd = task.syscalls().open(NODE, OpenFlags.O_RDWR);
        kernel.settle();
        assertThat(live(kernel, CHARDEV)).isTrue();
        assertThat(kernel.modules().find(CHARDEV).orElseThrow().refcount()).isEqualTo(1);
        assertThat(kernel.vfs().stat(NODE).permissions()).isEqualTo(0666);
        assertThat(errnoOf(() -> kernel.modules().rmmod(CHARDEV))).isEqualTo(Errno.EAGAIN);
        assertThat(catchThrowable(() -> kernel.modules().rmmod(CHARDEV))).hasMessage("Module fixture_chardev is in use");

        task.syscalls().close(fd);
        kernel.modules().rmmod("fixture-chardev");
        assertThat(kernel.modules().find(CHARDEV)).isEmpty();
        assertThat(kernel.ledger().outstanding(CHARDEV)).isEmpty();
        assertThat(kernel.vfs().stat(NODE).rdev()).contains(DEVT);

        task.syscalls().close(task.syscalls().open(NODE, OpenFlags.O_RDWR));
        assertThat(live(kernel, CHARDEV)).isTrue();
        kernel.modules().rmmod(CHARDEV);
        kernel.exit(task);
    }
}
