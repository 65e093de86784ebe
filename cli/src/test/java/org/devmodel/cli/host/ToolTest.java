package org.devmodel.cli.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.devmodel.cli.admin.AdminException;
import org.devmodel.core.Errno;
import org.junit.jupiter.api.Test;

/** The errno behind a tool's message: kmod's tools and dmesg exit with 1 whatever failed. */
class ToolTest {

    @Test
    void theStrerrorTextAToolQuotesIsItsErrnoTheLongestMatchWinning() {
        assertThat(Tool.errno("modprobe: ERROR: could not insert 'vfio_pci': No such device"))
                .isEqualTo(Errno.ENODEV);
        assertThat(Tool.errno("modprobe: ERROR: could not insert 'x': No such device or address"))
                .isEqualTo(Errno.ENXIO);
        assertThat(Tool.errno("rmmod: ERROR: could not remove 'x': Operation not permitted"))
                .isEqualTo(Errno.EPERM);
    }

    @Test
    void aMissingModuleIsEnoentAndOneInUseEagain() {
        assertThat(Tool.errno("modprobe: FATAL: Module foo not found in directory /lib/modules/6.18.0"))
                .isEqualTo(Errno.ENOENT);
        assertThat(Tool.errno("modinfo: ERROR: Module foo not found.")).isEqualTo(Errno.ENOENT);
        assertThat(Tool.errno("rmmod: ERROR: Module foo is not currently loaded")).isEqualTo(Errno.ENOENT);
        assertThat(Tool.errno("rmmod: ERROR: Module vfio is in use by: vfio_pci")).isEqualTo(Errno.EAGAIN);
        assertThat(Tool.errno("modprobe: ERROR: something else")).isEqualTo(Errno.EINVAL);
    }

    @Test
    void aFailingProgramIsItsMessageWithTheErrnoItStandsFor() {
        assertThatThrownBy(() -> Tool.output(List.of("sh", "-c", "echo 'x: ERROR: y: No such device' >&2; exit 1")))
                .isInstanceOfSatisfying(AdminException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENODEV);
                    assertThat(e.getMessage()).isEqualTo("x: ERROR: y: No such device");
                });
    }

    @Test
    void aProgramThatIsNotInstalledGetsTheShellsWords() {
        assertThatThrownBy(() -> Tool.output(List.of("devmodel-no-such-tool")))
                .isInstanceOfSatisfying(AdminException.class, e -> {
                    assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                    assertThat(e.getMessage()).isEqualTo("bash: devmodel-no-such-tool: command not found");
                });
    }

    @Test
    void aSucceedingProgramIsWhatItPrinted() throws AdminException {
        assertThat(Tool.output(List.of("sh", "-c", "echo hello"))).isEqualTo("hello\n");
    }
}
