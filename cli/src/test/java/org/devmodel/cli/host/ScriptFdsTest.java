package org.devmodel.cli.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.Test;

class ScriptFdsTest {

    @Test
    void newFdsTakeTheLowestNumberFreeFromThreeWhateverTheKernelsNumbers() throws KernelException {
        ScriptFds fds = new ScriptFds(false);
        assertThat(fds.adopt(41)).isEqualTo(3);
        assertThat(fds.adopt(17)).isEqualTo(4);
        assertThat(fds.adopt(99)).isEqualTo(5);
        fds.release(4);

        assertThat(fds.adopt(12)).as("the freed 4 comes back first").isEqualTo(4);
        assertThat(fds.kernelFd(4)).isEqualTo(12);
        assertThat(fds.scriptFd(99)).contains(5);
        assertThat(fds.scriptFd(17)).as("released").isEmpty();
        assertThat(fds.numbers()).containsExactly(3, 4, 5);
    }

    @Test
    void aNumberTheScriptDoesNotHoldIsEbadfAndNeverReachesTheKernel() {
        ScriptFds fds = new ScriptFds(false);
        fds.adopt(3);

        for (int fd : new int[] {0, 1, 2, 4, -1}) {
            assertThatThrownBy(() -> fds.kernelFd(fd)).isInstanceOfSatisfying(KernelException.class,
                    e -> assertThat(e.errno()).isEqualTo(Errno.EBADF));
        }
    }

    @Test
    void theKernelsNumbersAreKeptWhenAskedFor() throws KernelException {
        ScriptFds fds = new ScriptFds(true);
        assertThat(fds.adopt(41)).isEqualTo(41);
        assertThat(fds.kernelFd(41)).isEqualTo(41);
    }
}
