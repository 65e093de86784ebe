package org.devmodel.cli.admin;

import java.util.Map;

/** What the {@code modprobe}, {@code rmmod}, {@code lsmod} and {@code modinfo} commands need, with kmod's words. */
public interface ModuleAdmin {

    /**
     * {@code modprobe MODULE [param=value ...]}; prints nothing on success.
     *
     * @param module a module name or alias
     * @param parameters parameter values
     * @throws AdminException with kmod's message
     */
    void modprobe(String module, Map<String, String> parameters) throws AdminException;

    /**
     * {@code modprobe -r MODULE}, as kmod does it: nothing when the module is not loaded, refused
     * when it is in use, else it is removed and then each module it depended on that is now unused,
     * recursively; prints nothing on success.
     *
     * @param module the module name
     * @throws AdminException with kmod's message, e.g. "modprobe: FATAL: Module vfio is in use."
     */
    void modprobeRemove(String module) throws AdminException;

    /**
     * {@code rmmod MODULE}; prints nothing on success.
     *
     * @param module the module name
     * @throws AdminException with kmod's message, e.g. "rmmod: ERROR: Module vfio is in use"
     */
    void rmmod(String module) throws AdminException;

    /**
     * {@return {@code lsmod}'s output}
     *
     * @throws AdminException with the tool's message, where the module list cannot be read
     */
    String lsmod() throws AdminException;

    /**
     * {@return {@code modinfo MODULE}'s output}
     *
     * @param module a module name or alias
     * @throws AdminException with kmod's message
     */
    String modinfo(String module) throws AdminException;
}
