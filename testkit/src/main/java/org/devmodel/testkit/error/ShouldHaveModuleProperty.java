package org.devmodel.testkit.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;
import org.devmodel.core.module.LoadedModule;

/** Creates the message for a loaded module whose state or reference count is not the expected one. */
public final class ShouldHaveModuleProperty extends BasicErrorMessageFactory {

    private ShouldHaveModuleProperty(LoadedModule module, String property, Object expected, Object actual) {
        super("%nExpecting module:%n  %s%nto have %s%n  %s%nbut had%n  %s", module, property, expected, actual);
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
        return new ShouldHaveModuleProperty(module, property, expected, actual);
    }
}
