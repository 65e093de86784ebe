package org.devmodel.cli.seam;

import java.util.Map;

/** What the {@code modprobe}, {@code rmmod}, {@code lsmod} and {@code modinfo} commands need, with kmod's words. */
public interface ModuleAdmin {

    /**
     * {@code modprobe MODULE [param=value ...]}; prints nothing on success.
     *
     * @param module a module name or alias
     * @param parameters parameter values
     * @throws AdminException with kmod's message
     * @throws NotAvailableException when this kernel has no module loader
     */
    void modprobe(String module, Map<String, String> parameters) throws AdminException, NotAvailableException;

    /**
     * {@code rmmod MODULE}; prints nothing on success.
     *
     * @param module the module name
     * @throws AdminException with kmod's message, e.g. "rmmod: ERROR: Module vfio is in use"
     * @throws NotAvailableException when this kernel has no module loader
     */
    void rmmod(String module) throws AdminException, NotAvailableException;

    /**
     * {@return {@code lsmod}'s output}
     *
     * @throws NotAvailableException when this kernel has no module loader
     */
    String lsmod() throws NotAvailableException;

    /**
     * {@return {@code modinfo MODULE}'s output}
     *
     * @param module a module name or alias
     * @throws AdminException with kmod's message
     * @throws NotAvailableException when this kernel has no module loader
     */
    String modinfo(String module) throws AdminException, NotAvailableException;
}
