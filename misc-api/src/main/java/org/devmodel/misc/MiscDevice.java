package org.devmodel.misc;

import java.util.Objects;
import java.util.Optional;
import org.devmodel.core.device.Device;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.misc.internal.MiscDeviceImpl;

/**
 * {@code struct miscdevice}: one minor of major 10 and the file operations that serve it.
 *
 * <p>Made with {@link #builder}; everything but the minor and {@link #thisDevice()} is fixed when
 * it is built. {@link MiscRegistry#register} writes a dynamic minor back into it, as
 * {@code misc_register} writes {@code misc->minor}, and, as in v3.14, does not reset it to
 * {@link MiscMinors#MISC_DYNAMIC_MINOR} on failure or on deregistration: build a fresh device for
 * each registration that should get a dynamic minor.
 *
 * <p>The open file of a misc device carries the device as its private data while the driver's
 * {@code open} runs (only if the operations implement {@code open}, as in v3.14).
 */
public sealed interface MiscDevice permits MiscDeviceImpl {

    /**
     * {@return a builder of a misc device}
     *
     * @param minor the minor, or {@link MiscMinors#MISC_DYNAMIC_MINOR} for a free one
     * @param name {@code dev_name}, shown in {@code /proc/misc} and the node name unless
     *     {@link Builder#nodename} is set
     * @param operations what serves opens of the minor; its module is pinned while a file is open
     * @throws IllegalArgumentException if the minor is not 0 to 255 or the name is empty
     */
    static Builder builder(int minor, String name, FileOperations operations) {
        return new Builder(minor, name, operations);
    }

    /** {@return the minor: the one asked for, or the one a dynamic registration wrote back} */
    int minor();

    /** {@return the name} */
    String name();

    /** {@return {@code fops}: the operations that serve the minor} */
    FileOperations operations();

    /** {@return {@code nodename}: the node path under {@code /dev}, e.g. {@code vfio/vfio}, if set} */
    Optional<String> nodename();

    /** {@return the node's permission bits, e.g. 0666; 0 leaves devtmpfs's default, 0600} */
    int mode();

    /** {@return the parent of the class device, if set} */
    Optional<Device> parent();

    /** {@return {@code this_device}: the class device while registered} */
    Optional<Device> thisDevice();

    /**
     * Collects the fields of a misc device. Mutable and not thread-safe; the device it builds is
     * immutable apart from what registration writes into it.
     */
    final class Builder {
        private final int minor;
        private final String name;
        private final FileOperations operations;
        private String nodename;
        private int mode;
        private Device parent;

        private Builder(int minor, String name, FileOperations operations) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(operations, "operations");
            if (minor < 0 || minor > MiscMinors.MISC_DYNAMIC_MINOR) {
                throw new IllegalArgumentException("misc " + name + ": minor out of range: " + minor);
            }
            if (name.isEmpty()) {
                throw new IllegalArgumentException("empty misc device name");
            }
            this.minor = minor;
            this.name = name;
            this.operations = operations;
        }

        /**
         * Sets the node path under {@code /dev}, which {@code misc_devnode} answers for the device.
         *
         * @param path a relative path, e.g. {@code vfio/vfio}
         * @return this builder
         * @throws IllegalArgumentException if the path is empty or absolute
         */
        public Builder nodename(String path) {
            Objects.requireNonNull(path, "path");
            if (path.isEmpty() || path.startsWith("/")) {
                throw new IllegalArgumentException("misc " + name + ": node path must be relative to /dev: " + path);
            }
            this.nodename = path;
            return this;
        }

        /**
         * Sets the node's permission bits, which {@code misc_devnode} answers and the add uevent
         * carries as {@code DEVMODE}.
         *
         * @param bits permission bits, e.g. 0666
         * @return this builder
         * @throws IllegalArgumentException if other bits are set
         */
        public Builder mode(int bits) {
            if ((bits & ~07777) != 0) {
                throw new IllegalArgumentException("misc " + name + ": not permission bits: 0" + Integer.toOctalString(bits));
            }
            this.mode = bits;
            return this;
        }

        /**
         * Sets the parent of the class device.
         *
         * @param device the parent
         * @return this builder
         */
        public Builder parent(Device device) {
            this.parent = Objects.requireNonNull(device, "device");
            return this;
        }

        /** {@return a new misc device with these fields} */
        public MiscDevice build() {
            return new MiscDeviceImpl(minor, name, operations, Optional.ofNullable(nodename), mode,
                    Optional.ofNullable(parent));
        }
    }
}
