package org.devmodel.core.internal.module;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One module in the index: its metadata and where its code is.
 *
 * @param info its {@code .modinfo}
 * @param jpmsName the JPMS module that provides it
 * @param providerClass the provider's class name
 * @param path its path in {@code modules.dep}: the jar's file name, or {@code boot/<jpms-module-name>}
 * @param jar the jar in the modules directory, or empty for a module of the boot layer
 * @param requires the JPMS modules it requires (driver modules among them are its dependencies)
 * @param size the total size of its class files, as {@code lsmod} shows it
 * @param ioctls the text of its {@code META-INF/devmodel/ioctls} resource, if it has one
 */
record IndexEntry(ModInfo info, String jpmsName, String providerClass, String path, Optional<Path> jar,
                  List<String> requires, long size, Optional<String> ioctls) {

    /** The resource holding a module's ioctl descriptions, read as text without loading classes. */
    static final String IOCTLS_RESOURCE = "META-INF/devmodel/ioctls";

    /** Checks and copies. */
    IndexEntry {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(jpmsName, "jpmsName");
        Objects.requireNonNull(providerClass, "providerClass");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(jar, "jar");
        requires = List.copyOf(requires);
        Objects.requireNonNull(ioctls, "ioctls");
    }

    /** {@return the normalised module name} */
    String name() {
        return info.name();
    }
}
