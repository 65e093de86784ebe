package org.devmodel.core.fs;

import java.util.Optional;
import org.devmodel.core.DevT;

/**
 * An inode as a driver sees it in {@code open} and {@code release}: its type, device number and
 * ownership. Drivers read it; the VFS changes it.
 */
public interface Inode {

    /** {@return the file type} */
    FileType type();

    /** {@return the device number of a device node ({@code i_rdev})} */
    Optional<DevT> rdev();

    /** {@return {@code iminor(inode)}: the minor of a device node} */
    default int minor() {
        return rdev().map(DevT::minor).orElseThrow(() -> new IllegalStateException("not a device node"));
    }

    /** {@return what {@code stat} reports for it now} */
    Stat stat();
}
