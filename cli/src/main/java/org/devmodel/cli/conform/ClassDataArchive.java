package org.devmodel.cli.conform;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A class data sharing archive of devmodel's classes for the guest's JVM: under TCG, loading and
 * verifying classes is most of a JVM's start-up, and the archive maps them ready-made. It is dumped
 * on the host at the end of a model run of the scenario ({@code -XX:ArchiveClassesAtExit}) and kept
 * in the set-up's cache, one per JDK and module path, until a module is newer than it. The JVM
 * checks the archive against the module path itself and quietly ignores one that does not fit.
 *
 * @param java the JDK's {@code java}, the same on the host and in the guest
 * @param modulePath the module path, absolute, the same on the host and in the guest
 * @param options the JVM options both runs use
 */
record ClassDataArchive(Path java, String modulePath, List<String> options) {
    private static final long DUMP_SECONDS = 120;

    /**
     * {@return the options that use an up-to-date archive, dumping it first if needed; none when it
     * cannot be dumped (the guest then only starts slower)}
     *
     * @param cache the set-up's cache directory
     * @param script the scenario, run on the model while dumping
     * @throws InterruptedException if interrupted while dumping
     */
    List<String> use(Path cache, Path script) throws InterruptedException {
        Path archive = cache.resolve("cds-" + Integer.toHexString((java + "\n" + modulePath).hashCode()) + ".jsa");
        try {
            if (!fresh(archive) && !dump(archive, script)) {
                return List.of();
            }
        } catch (IOException e) {
            return List.of();
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    private boolean fresh(Path archive) throws IOException {
        if (!Files.exists(archive)) {
            return false;
        }
        FileTime made = Files.getLastModifiedTime(archive);
        for (String entry : modulePath.split(File.pathSeparator)) {
            Optional<FileTime> newest = newest(Path.of(entry));
            if (newest.isPresent() && newest.get().compareTo(made) > 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<FileTime> newest(Path entry) throws IOException {
        if (!Files.exists(entry)) {
            return Optional.empty();
        }
        try (var files = Files.walk(entry)) {
            return files.map(path -> path.toFile().lastModified()).max(Long::compare).map(FileTime::fromMillis);
        }
    }

    private boolean dump(Path archive, Path script) throws IOException, InterruptedException {
        Path partial = Files.createTempFile(archive.getParent(), "cds-", ".partial");
        Files.delete(partial);
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + partial, "--module-path", modulePath,
                "-m", "org.devmodel.cli/org.devmodel.cli.Main", "run", script.toString()));
        Process dumping = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!dumping.waitFor(DUMP_SECONDS, TimeUnit.SECONDS)) {
            dumping.destroyForcibly().waitFor();
        }
        if (!Files.exists(partial)) {
            return false;
        }
        Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }
}
