package org.devmodel.core.module;

import java.util.Map;

/**
 * The values of a loaded module's parameters: the declared defaults overridden by
 * {@code modprobe name param=value}. They are also shown at
 * {@code /sys/module/<name>/parameters/<param>}.
 */
public interface ModuleParameters {

    /**
     * {@return a {@code bool} parameter}
     *
     * @param name the parameter
     * @throws IllegalArgumentException for an undeclared parameter
     */
    boolean bool(String name);

    /**
     * {@return an integer parameter}
     *
     * @param name the parameter
     * @throws IllegalArgumentException for an undeclared parameter
     */
    long integer(String name);

    /**
     * {@return a parameter's value as text, as sysfs shows it ({@code Y}/{@code N} for a bool)}
     *
     * @param name the parameter
     * @throws IllegalArgumentException for an undeclared parameter
     */
    String text(String name);

    /** {@return every parameter and its value as sysfs shows it} */
    Map<String, String> all();
}
