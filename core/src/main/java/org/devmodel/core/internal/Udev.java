package org.devmodel.core.internal;

import org.devmodel.core.device.Uevent;
import org.devmodel.core.fs.DevTmpfs;

/**
 * The part of udev devmodel models: on an add event that carries {@code DEVMODE}, the node gets that
 * mode, whether devtmpfs made it or it is a static node (kernel-facts.md section 10). That is how
 * {@code /dev/vfio/vfio} goes from 0600 at boot to 0666 once vfio is loaded.
 */
final class Udev {
    private final DevTmpfs devtmpfs;

    Udev(DevTmpfs devtmpfs) {
        this.devtmpfs = devtmpfs;
    }

    void onUevent(Uevent event) {
        String mode = event.environment().get("DEVMODE");
        String name = event.environment().get("DEVNAME");
        if (event.action().equals("add") && mode != null && name != null) {
            devtmpfs.chmod(name, Integer.parseInt(mode, 8));
        }
    }
}
