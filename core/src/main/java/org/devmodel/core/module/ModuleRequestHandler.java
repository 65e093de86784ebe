package org.devmodel.core.module;

import org.devmodel.core.Kernel;

/**
 * Answers {@code request_module} in place of the module loader: a kernel booted with one (see
 * {@code KernelOptions.Builder#moduleRequestHandler}) sends every request to it, so a test can
 * answer requests itself, e.g. by registering a device the way a loaded module would.
 */
@FunctionalInterface
public interface ModuleRequestHandler {

    /**
     * Answers a request.
     *
     * @param kernel the kernel asking
     * @param alias what was asked for, e.g. {@code char-major-240-0}
     * @return 0 on success, above 0 when "modprobe" failed (256), below 0 for an errno
     */
    int request(Kernel kernel, String alias);
}
