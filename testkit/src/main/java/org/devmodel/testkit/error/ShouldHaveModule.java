package org.devmodel.testkit.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a module that should be loaded, with what {@code lsmod} shows instead. */
public final class ShouldHaveModule extends BasicErrorMessageFactory {

    private ShouldHaveModule(String name, String lsmod) {
        super("%nExpecting kernel:%n  to have module %s loaded%nbut lsmod shows:%n%s", name, lsmod);
    }

    /**
     * @param name the module
     * @param lsmod what lsmod prints
     * @return the factory
     */
    public static ErrorMessageFactory shouldHaveModule(String name, String lsmod) {
        return new ShouldHaveModule(name, lsmod);
    }
}
