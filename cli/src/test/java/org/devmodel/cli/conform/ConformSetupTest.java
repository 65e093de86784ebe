package org.devmodel.cli.conform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConformSetupTest {
    @Test
    void theCacheIsWhereTheSetUpScriptPutsIt() {
        assertThat(ConformSetup.cache(Map.of("DEVMODEL_CONFORM_CACHE", "/x", "XDG_CACHE_HOME", "/y")))
                .isEqualTo(Path.of("/x"));
        assertThat(ConformSetup.cache(Map.of("XDG_CACHE_HOME", "/y"))).isEqualTo(Path.of("/y/devmodel-conform"));
        assertThat(ConformSetup.cache(Map.of()))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "devmodel-conform"));
    }

    @Test
    void aSetUpIsReadOnlyWhenWhatItNamesIsThere(@TempDir Path cache) throws IOException {
        assertThat(ConformSetup.read(cache)).isEmpty();
        Path kernel = Files.createFile(cache.resolve("vmlinuz"));
        Path initramfs = Files.createFile(cache.resolve("initramfs.cpio.gz"));
        Path qemu = Files.createFile(cache.resolve("qemu"));
        Files.writeString(cache.resolve(ConformSetup.FILE), "kernel=" + kernel + "\nmodules=" + cache + "\nrelease=6.1\n"
                + "initramfs=" + initramfs + "\nqemu=" + qemu + "\naccel=tcg\n");

        assertThat(ConformSetup.read(cache)).as("qemu not executable").isEmpty();
        assertThat(qemu.toFile().setExecutable(true)).isTrue();
        assertThat(ConformSetup.read(cache)).hasValueSatisfying(setup -> {
            assertThat(setup.release()).isEqualTo("6.1");
            assertThat(setup.accel()).isEqualTo("tcg");
        });
    }
}
