package org.devmodel.testkit.error;

import org.assertj.core.error.BasicErrorMessageFactory;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for a path that should exist in a kernel's VFS. */
public final class ShouldHaveNode extends BasicErrorMessageFactory {

    private ShouldHaveNode(String path, String dir, Object entries) {
        super("%nExpecting kernel:%n  to have a node at%n    %s%nbut it does not; %s holds%n    %s", path, dir, entries);
    }

    /**
     * @param path the missing path
     * @param dir its nearest existing directory
     * @param entries what that directory holds
     * @return the factory
     */
    public static ErrorMessageFactory shouldHaveNode(String path, String dir, Object entries) {
        return new ShouldHaveNode(path, dir, entries);
    }
}
