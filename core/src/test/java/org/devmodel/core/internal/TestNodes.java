package org.devmodel.core.internal;

import java.util.Optional;
import org.devmodel.core.DevT;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.DevnodeSpec;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.fs.FileOperations;

/** Test helper: a char device with a node under {@code /dev}, made the way a driver makes one. */
public final class TestNodes {
    private TestNodes() {
    }

    /**
     * Allocates a one-minor region, adds a cdev with the operations, and creates a device of a new
     * class named after the node, whose devnode sets the mode.
     *
     * @param kernel the kernel
     * @param name the node name below {@code /dev}, also the class and device name
     * @param mode the node's permission bits
     * @param operations what serves it
     * @return the device number
     * @throws KernelException when a step fails
     */
    public static DevT node(Kernel kernel, String name, int mode, FileOperations operations) throws KernelException {
        DevT devt = kernel.chrdev().allocRegion(0, 1, name);
        kernel.chrdev().cdevAdd(devt, 1, operations);
        DeviceClass cls = kernel.devices().classCreate(name, d -> new DevnodeSpec(Optional.of(name), mode));
        kernel.devices().deviceCreate(cls, null, devt, null, name);
        kernel.settle();
        return devt;
    }
}
