package org.devmodel.cli.conform;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code tools/conform-setup} installed, read from {@code setup.properties} in its cache
 * directory ({@code $DEVMODEL_CONFORM_CACHE}, else {@code $XDG_CACHE_HOME/devmodel-conform}, else
 * {@code ~/.cache/devmodel-conform}).
 *
 * @param kernel the guest kernel image
 * @param modules the directory holding the guest kernel's {@code lib/modules/RELEASE}, indexed
 * @param release the guest kernel's release, e.g. {@code 6.1.0-50-amd64}
 * @param initramfs the first-stage initramfs
 * @param qemu the {@code qemu-system-x86_64} binary
 * @param accel the accelerator that worked, {@code tcg} or {@code kvm}
 */
record ConformSetup(Path kernel, Path modules, String release, Path initramfs, Path qemu, String accel) {
    /** The file the set-up writes last. */
    static final String FILE = "setup.properties";

    /**
     * {@return the cache directory the set-up uses in this environment}
     *
     * @param env the environment variables
     */
    static Path cache(Map<String, String> env) {
        String explicit = env.get("DEVMODEL_CONFORM_CACHE");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("devmodel-conform");
    }

    /**
     * Reads the set-up.
     *
     * @param cache the cache directory
     * @return the set-up, or empty when it is missing or incomplete (run {@code tools/conform-setup})
     * @throws IOException if the file exists but cannot be read
     */
    static Optional<ConformSetup> read(Path cache) throws IOException {
        Path file = cache.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            p.load(in);
        }
        for (String key : new String[] {"kernel", "modules", "release", "initramfs", "qemu", "accel"}) {
            if (p.getProperty(key, "").isEmpty()) {
                return Optional.empty();
            }
        }
        ConformSetup setup = new ConformSetup(Path.of(p.getProperty("kernel")), Path.of(p.getProperty("modules")),
                p.getProperty("release"), Path.of(p.getProperty("initramfs")), Path.of(p.getProperty("qemu")),
                p.getProperty("accel"));
        boolean present = Files.isRegularFile(setup.kernel()) && Files.isRegularFile(setup.initramfs())
                && Files.isExecutable(setup.qemu()) && Files.isDirectory(setup.modules());
        return present ? Optional.of(setup) : Optional.empty();
    }
}
