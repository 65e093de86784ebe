package org.devmodel.core.module;

/**
 * {@code try_module_get}/{@code module_put} on the kernel module that owns a piece of driver code:
 * the module whose JPMS module defines the object's class ({@code THIS_MODULE}). Code of built-in
 * subsystems and of classes no loaded kernel module owns always gets a reference.
 */
public interface ModuleReferences {

    /**
     * {@code try_module_get(owner)}: takes a reference if the owning module is live.
     *
     * @param code a driver object, such as its file operations
     * @return false when the owner is coming up or going away (the caller then fails, ENXIO or ENODEV)
     */
    boolean tryGet(Object code);

    /**
     * {@code module_put(owner)}: drops a reference taken by {@link #tryGet}.
     *
     * @param code the same driver object
     */
    void put(Object code);
}
