package org.devmodel.cli.seam;

import org.devmodel.core.KernelException;
import org.devmodel.core.proc.Task;

/** {@code eventfd2(2)}, which the {@code eventfd} command calls. */
@FunctionalInterface
public interface EventFds {

    /**
     * Creates an eventfd with counter 0 in a process.
     *
     * @param task the process
     * @param flags {@code EFD_NONBLOCK} and {@code EFD_CLOEXEC}
     * @return the new fd
     * @throws KernelException EMFILE, EINVAL
     * @throws NotAvailableException when this kernel has no eventfd
     */
    int eventfd2(Task task, int flags) throws KernelException, NotAvailableException;
}
