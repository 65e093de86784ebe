package org.devmodel.core.internal.chrdev;

/**
 * The kernel's {@code request_module}, as the base probe of {@link CdevMap} calls it.
 *
 * <p>It is called with no lock of the map held, because the module it loads registers cdevs in
 * that same map from its {@code init}.
 */
@FunctionalInterface
public interface ModuleRequester {

    /**
     * Asks for the modules that claim an alias to be loaded, and waits for the attempt.
     *
     * @param alias the alias, e.g. {@code "char-major-240-0"}
     * @return 0 when modprobe succeeded, the raw wait status when modprobe ran and failed (e.g.
     *     256 for exit status 1), or a negative errno when it could not be run at all
     */
    int request(String alias);
}
