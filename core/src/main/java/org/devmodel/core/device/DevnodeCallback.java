package org.devmodel.core.device;

/** A class's {@code devnode} callback: where and with what mode its devices' nodes appear. */
@FunctionalInterface
public interface DevnodeCallback {
    /** No callback: every device gets its name and mode 0600. */
    DevnodeCallback NONE = device -> DevnodeSpec.DEFAULT;

    /**
     * {@return the node path and mode of a device of the class}
     *
     * @param device the device being added or removed
     */
    DevnodeSpec devnode(Device device);
}
