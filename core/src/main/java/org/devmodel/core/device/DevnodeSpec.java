package org.devmodel.core.device;

import java.util.Optional;

/**
 * What a class's devnode callback answers ({@code char *devnode(struct device *, umode_t *mode)}):
 * a node path relative to {@code /dev} and a mode, either of which may be left to the default.
 *
 * @param name the node path, e.g. {@code vfio/vfio}; empty for {@code dev_name} with {@code !} as {@code /}
 * @param mode the permission bits; 0 leaves devtmpfs's default, 0600
 */
public record DevnodeSpec(Optional<String> name, int mode) {
    /** No override: the device's name and mode 0600. */
    public static final DevnodeSpec DEFAULT = new DevnodeSpec(Optional.empty(), 0);

    /** Checks the mode holds permission bits only. */
    public DevnodeSpec {
        if ((mode & ~07777) != 0) {
            throw new IllegalArgumentException("not permission bits: 0" + Integer.toOctalString(mode));
        }
    }

    /**
     * {@return a spec naming the node and leaving the mode}
     *
     * @param name the node path
     */
    public static DevnodeSpec named(String name) {
        return new DevnodeSpec(Optional.of(name), 0);
    }
}
