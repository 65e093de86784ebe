package org.devmodel.testkit;

import static org.devmodel.testkit.error.ShouldHaveProperty.shouldHaveNodeProperty;

import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.devmodel.core.DevT;
import org.devmodel.core.Kernel;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Stat;

/** Assertions on one node of a kernel's VFS, as {@code stat} reports it. */
public final class NodeAssert extends AbstractAssert<NodeAssert, Stat> {
    private final Kernel kernel;
    private final String path;

    NodeAssert(Kernel kernel, String path, Stat actual) {
        super(actual, NodeAssert.class);
        this.kernel = kernel;
        this.path = path;
    }

    /**
     * Checks the node is a char device with a device number.
     *
     * @param major the expected major
     * @param minor the expected minor
     * @return this assertion
     */
    public NodeAssert isCharDevice(int major, int minor) {
        isNotNull();
        Optional<DevT> expected = Optional.of(DevT.of(major, minor));
        if (actual.type() != FileType.CHAR_DEVICE || !actual.rdev().equals(expected)) {
            throw fail("a char device number", "c " + expected.get(),
                    actual.type().letter() + " " + actual.rdev().map(Object::toString).orElse("-"));
        }
        return myself;
    }

    /**
     * Checks the permission bits.
     *
     * @param mode the expected bits, e.g. {@code 0666}
     * @return this assertion
     */
    public NodeAssert hasMode(int mode) {
        isNotNull();
        if (actual.permissions() != mode) {
            throw fail("mode", octal(mode), octal(actual.permissions()));
        }
        return myself;
    }

    /**
     * Checks the node is a static node (made at boot from {@code modules.devname}), not one
     * devtmpfs made.
     *
     * @return this assertion
     */
    public NodeAssert isStatic() {
        isNotNull();
        String name = path.startsWith("/dev/") ? path.substring("/dev/".length()) : path;
        boolean listed = kernel.vfs().devtmpfs().staticNodes().stream().anyMatch(l -> l.endsWith(" " + name));
        if (!listed) {
            throw fail("origin", "a static node", "a node devtmpfs made, or no device node");
        }
        return myself;
    }

    private AssertionError fail(String property, Object expected, Object found) {
        return assertionError(shouldHaveNodeProperty(path, property, expected, found));
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
