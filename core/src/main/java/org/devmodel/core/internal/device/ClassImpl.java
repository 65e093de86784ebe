package org.devmodel.core.internal.device;

import org.devmodel.core.device.DevnodeCallback;
import org.devmodel.core.device.DeviceClass;

/** A registered class and its devnode callback. */
record ClassImpl(String name, DevnodeCallback devnode) implements DeviceClass {
    /** {@return the ledger's name for it} */
    String resource() {
        return "class " + name;
    }
}
