package org.devmodel.vfio.uapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.devmodel.core.mem.IoctlNumber;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * devmodel's ioctl numbers against what this machine's C compiler makes of {@code <linux/vfio.h>}
 * and {@code <asm-generic/ioctl.h>}: a small C program, compiled into {@code target/}, prints each
 * number. Skipped where {@code cc} or the headers are missing.
 */
class IoctlNumbersVsHeadersTest {
    private static final Path DIR = Path.of("target", "ioctl-headers");
    private static final String HEADER = "/usr/include/linux/vfio.h";

    /** The macros each sample encodes, with devmodel's encoding of the same. */
    private static final Map<String, Integer> SAMPLES = Map.of(
            "_IO('V', 100)", IoctlNumber.io('V', 100),
            "_IOR('R', 0x00, int)", IoctlNumber.ior('R', 0x00, 4),
            "_IOW('T', 202, int)", IoctlNumber.iow('T', 202, 4),
            "_IOWR('x', 1, char[24])", IoctlNumber.ioc(IoctlNumber.DIR_READ | IoctlNumber.DIR_WRITE, 'x', 1, 24),
            "_IOR(';', 0xff, char[16383])", IoctlNumber.ior(';', 0xff, 16383));

    private static Map<String, Long> printed;

    @BeforeAll
    static void compileAndRun() throws IOException, InterruptedException, IllegalAccessException {
        assumeTrue(Files.isRegularFile(Path.of(HEADER)), "no " + HEADER + " (linux-libc-dev) on this machine");
        assumeTrue(runs("cc", "--version"), "no C compiler (cc) on this machine");
        Files.createDirectories(DIR);
        Path source = DIR.resolve("ioctls.c");
        Files.writeString(source, program(), StandardCharsets.US_ASCII);
        Path binary = DIR.resolve("ioctls");
        assertThat(run(DIR.resolve("cc.log"), "cc", "-o", binary.toString(), source.toString()))
                .as("cc of %s, see %s", source, DIR.resolve("cc.log")).isZero();
        Path out = DIR.resolve("ioctls.out");
        assertThat(run(out, binary.toString())).isZero();
        printed = Files.readAllLines(out).stream().map(line -> line.split("\t"))
                .collect(Collectors.toMap(w -> w[0], w -> Long.parseLong(w[1]), (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void ioctlEncodingMatchesTheCMacros() {
        SAMPLES.forEach((macro, number) ->
                assertThat(Integer.toUnsignedLong(number)).as(macro).isEqualTo(printed.get(macro)));
    }

    @Test
    void everyVfioNumberTheHeaderDefinesMatches() throws IllegalAccessException {
        Map<String, Integer> ours = vfioIoctls();
        Map<String, Long> inHeader = new LinkedHashMap<>(printed);
        inHeader.keySet().retainAll(ours.keySet());

        assertThat(inHeader).as("v3.14's VFIO ioctls this header still defines").hasSizeGreaterThanOrEqualTo(17);
        inHeader.forEach((name, number) ->
                assertThat(Integer.toUnsignedLong(ours.get(name))).as(name).isEqualTo(number));
    }

    private static String program() throws IllegalAccessException {
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <linux/ioctl.h>\n#include <linux/vfio.h>\n"
                + "int main(void) {\n");
        SAMPLES.keySet().forEach(macro ->
                c.append("    printf(\"%s\\t%lu\\n\", \"").append(macro.replace("\"", "\\\"")).append("\", (unsigned long) ")
                        .append(macro).append(");\n"));
        for (String name : vfioIoctls().keySet()) {
            // A name later headers dropped is left out rather than failing the compile.
            c.append("#ifdef ").append(name).append("\n    printf(\"%s\\t%lu\\n\", \"").append(name)
                    .append("\", (unsigned long) ").append(name).append(");\n#endif\n");
        }
        return c.append("    return 0;\n}\n").toString();
    }

    private static Map<String, Integer> vfioIoctls() throws IllegalAccessException {
        Map<String, Integer> ioctls = new LinkedHashMap<>();
        for (Field field : VfioIoctls.class.getFields()) {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers())) {
                ioctls.put(field.getName(), field.getInt(null));
            }
        }
        return ioctls;
    }

    private static boolean runs(String... command) throws InterruptedException {
        try {
            return run(DIR.resolveSibling("cc-version.log"), command) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static int run(Path output, String... command) throws IOException, InterruptedException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took over 60 s; see " + output);
        }
        return process.exitValue();
    }
}
