package org.devmodel.core.internal;

import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.module.ModuleReferences;

/**
 * What the core needs to know about modules: references on the module owning some code, and its
 * name for the ledger and the log.
 */
public interface ModuleGlue extends ModuleReferences {

    /**
     * {@return the name of the kernel module owning the code, or {@link LedgerEvent#KERNEL}}
     *
     * @param code a driver object
     */
    String ownerName(Object code);
}
