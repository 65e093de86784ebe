package org.devmodel.testkit.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.devmodel.core.module.LoadedModule;

/**
 * Creates the message for a kernel object (a node, a loaded module) one of whose properties (type,
 * device number, mode, origin, state, reference count) is not the expected one.
 */
public final class ShouldHaveProperty extends BasicErrorMessageFactory {

    private ShouldHaveProperty(String kind, Object subject, String property, Object expected, Object actual) {
        super("%nExpecting " + kind + ":%n  %s%nto have %s%n  %s%nbut had%n  %s", subject, property, expected, actual);
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
        return new ShouldHaveProperty("node", path, property, expected, actual);
    }

    /**
     * @param module the module as found
     * @param property what was checked, e.g. "refcount"
     * @param expected the expected value
     * @param actual the value found
     * @return the factory
     */
    public static ErrorMessageFactory shouldHaveModuleProperty(LoadedModule module, String property, Object expected,
                                                               Object actual) {
        return new ShouldHaveProperty("module", module, property, expected, actual);
    }
}
