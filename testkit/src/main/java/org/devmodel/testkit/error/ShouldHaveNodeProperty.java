package org.devmodel.testkit.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a node whose type, device number, mode or origin is not the expected one. */
public final class ShouldHaveNodeProperty extends BasicErrorMessageFactory {

    private ShouldHaveNodeProperty(String path, String property, Object expected, Object actual) {
        super("%nExpecting node:%n  %s%nto have %s%n  %s%nbut had%n  %s", path, property, expected, actual);
    }

    /**
     * @param path the node
     * @param property what was checked, e.g. "mode"
     * @param expected the expected value
     * @param actual the value found
     * @return the factory
     */
    public static ErrorMessageFactory shouldHaveNodeProperty(String path, String property, Object expected,
                                                             Object actual) {
        return new ShouldHaveNodeProperty(path, property, expected, actual);
    }
}
