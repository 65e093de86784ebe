package org.devmodel.misc.internal;

import java.util.Optional;
import org.devmodel.core.device.Device;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.misc.MiscDevice;

/**
 * The one implementation of {@link MiscDevice}. It lives here so that only the registry can write
 * the minor and {@code this_device}; both are written under the misc lock and read anywhere.
 */
public final class MiscDeviceImpl implements MiscDevice {
    private final String name;
    private final FileOperations operations;
    private final Optional<String> nodename;
    private final int mode;
    private final Optional<Device> parent;
    private volatile int minor;
    private volatile Device thisDevice;

    /**
     * Called by {@link MiscDevice.Builder#build()}, which has checked the fields.
     *
     * @param minor the minor asked for
     * @param name the name
     * @param operations the operations
     * @param nodename the node path, if set
     * @param mode the permission bits, or 0
     * @param parent the parent, if set
     */
    public MiscDeviceImpl(int minor, String name, FileOperations operations, Optional<String> nodename, int mode,
            Optional<Device> parent) {
        this.minor = minor;
        this.name = name;
        this.operations = operations;
        this.nodename = nodename;
        this.mode = mode;
        this.parent = parent;
    }

    @Override
    public int minor() {
        return minor;
    }

    void setMinor(int minor) {
        this.minor = minor;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public FileOperations operations() {
        return operations;
    }

    @Override
    public Optional<String> nodename() {
        return nodename;
    }

    @Override
    public int mode() {
        return mode;
    }

    @Override
    public Optional<Device> parent() {
        return parent;
    }

    @Override
    public Optional<Device> thisDevice() {
        return Optional.ofNullable(thisDevice);
    }

    void setThisDevice(Device device) {
        this.thisDevice = device;
    }

    /** {@return e.g. {@code misc 196 vfio}} */
    @Override
    public String toString() {
        return "misc " + minor + " " + name;
    }
}
