package org.devmodel.core.internal;

import org.devmodel.core.fault.LedgerEvent;
import org.devmodel.core.module.ModuleReferences;

/**
 * What the core needs from the module loader: references on the module owning some code, and its
 * name for the ledger. Until a loader is installed all code is built-in.
 */
public interface ModuleGlue extends ModuleReferences {

    /** Everything is built-in: references always succeed and the owner is the kernel. */
    ModuleGlue BUILT_IN = new ModuleGlue() {
        @Override
        public boolean tryGet(Object code) {
            return true;
        }

        @Override
        public void put(Object code) {
            // built-in code is never unloaded, so there is no count to drop
        }

        @Override
        public String ownerName(Object code) {
            return LedgerEvent.KERNEL;
        }
    };

    /**
     * {@return the name of the kernel module owning the code, or {@link LedgerEvent#KERNEL}}
     *
     * @param code a driver object
     */
    String ownerName(Object code);
}
