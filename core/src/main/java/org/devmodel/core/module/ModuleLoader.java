package org.devmodel.core.module;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devmodel.core.KernelException;

/**
 * The module loader of one kernel: the index built at boot (depmod), {@code modprobe},
 * {@code rmmod}, {@code request_module} and what {@code lsmod} and {@code modinfo} show.
 */
public interface ModuleLoader {

    /**
     * {@code modprobe NAME [param=value ...]}: loads a module by name or alias, its dependencies
     * first; loading one already live does nothing.
     *
     * @param nameOrAlias a module name ({@code vfio-pci} finds {@code vfio_pci}) or an alias
     * @param parameters parameter values for the named module
     * @return the names of the modules loaded by this call, in load order
     * @throws KernelException ENOENT when nothing in the index matches, EINVAL for a bad parameter,
     *     or the errno of a failing {@code init}
     */
    List<String> modprobe(String nameOrAlias, Map<String, String> parameters) throws KernelException;

    /**
     * {@code rmmod NAME}: {@code delete_module} with {@code O_NONBLOCK}, then {@code exit}.
     *
     * @param name the module name
     * @throws KernelException ENOENT when not loaded, EAGAIN when in use or held by other modules,
     *     EBUSY when not live, EPERM without {@code CAP_SYS_MODULE}
     */
    void rmmod(String name) throws KernelException;

    /**
     * {@code request_module}: loads and waits.
     *
     * @param alias a name or alias
     * @return 0 on success, 256 when modprobe failed, below 0 for an errno
     */
    int requestModule(String alias);

    /**
     * {@code request_module_nowait}: queues the load; {@code Kernel.settle()} waits for it.
     *
     * @param alias a name or alias
     */
    void requestModuleNowait(String alias);

    /** {@return the loaded modules, newest first, as {@code lsmod} lists them} */
    List<LoadedModule> loaded();

    /**
     * {@return a loaded module by name}
     *
     * @param name the module name, in either spelling
     */
    Optional<LoadedModule> find(String name);

    /**
     * {@return the JPMS module holding a loaded module's code: for a module from the modules directory,
     * the one module of its own layer, which rmmod drops so its class loader can be collected}
     *
     * @param name the module name, in either spelling
     */
    Optional<Module> code(String name);

    /** {@return the names of every module in the index, in index order} */
    List<String> indexed();

    /**
     * {@return the raw text of a module's ioctl descriptions (its jar resource
     * {@code META-INF/devmodel/ioctls}, or when it has none that of the UAPI module it
     * {@code requires transitive}), read at depmod time without loading the module}
     *
     * @param module an indexed module's name, in either spelling
     */
    Optional<String> ioctlDescriptions(String module);

    /**
     * {@return the object a live module exported under a type from its {@code init}} (see
     * {@link ModuleContext#export}); empty when no live module exported one
     *
     * @param api the exported type
     * @param <T> the type
     * @implSpec The default answers empty, for a loader that loads nothing; the kernel's loader
     *     overrides it.
     */
    default <T> Optional<T> exported(Class<T> api) {
        return Optional.empty();
    }

    /** {@return {@code lsmod}'s output} */
    String lsmod();

    /**
     * {@return {@code modinfo NAME}'s output, in kmod's field order}
     *
     * @param nameOrAlias a module name or alias
     * @throws KernelException ENOENT when nothing matches
     */
    String modinfo(String nameOrAlias) throws KernelException;
}
