package org.devmodel.cli.conform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The recorded traces and tables under {@code src/test/resources/org/devmodel/cli/conform/}:
 * {@code vfio-sequence.model} is {@code ./devmodel run examples/scenarios/vfio-sequence.scn 2>&1};
 * {@code vfio-sequence.guest} the same steps on Debian 12's 6.1.0-50-amd64 in the conform guest
 * (edu at 00:03.0 in group 1), recorded before issue 16 with a throw-away stand-in for
 * {@code devmodel --host run} printing the same format, plus the lines the host runner prints for
 * the one expectation 6.1 breaks (FAIL), the address the kernel chose (NOT CHECKED) and the count
 * (the same lines, but for addresses, as issue 16's {@code --host run} printed there later); {@code vfio-sequence.groups}, {@code devices.guest}
 * and {@code devices.model} are that guest's group table and both {@code /proc/devices}.
 */
final class Fixtures {
    private Fixtures() {
    }

    /**
     * {@return a fixture's lines}
     *
     * @param name the file name
     */
    static List<String> lines(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return the translation of a recorded guest run of a scenario}
     *
     * @param scenario the scenario's fixture prefix, e.g. {@code vfio-sequence}
     */
    static Translation translation(String scenario) {
        return new Translation(GroupTable.parse(lines(scenario + ".groups")),
                MajorTable.of(lines("devices.model"), lines("devices.guest")),
                AddressTable.of(lines(scenario + ".model"), lines(scenario + ".guest")));
    }
}
