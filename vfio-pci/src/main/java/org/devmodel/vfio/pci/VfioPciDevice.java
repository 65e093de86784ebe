package org.devmodel.vfio.pci;

import org.devmodel.core.KernelException;
import org.devmodel.core.log.KernelLog;
import org.devmodel.pci.ConfigSpace;
import org.devmodel.pci.PciFunction;
import org.devmodel.pci.PciRegs;

/**
 * {@code struct vfio_pci_device}: one function bound to vfio-pci, from probe to remove. Its config
 * virtualisation exists while a device fd is open ({@code vfio_pci_enable} to
 * {@code vfio_pci_disable}); its interrupt state lives in {@link VfioPciIntrs}.
 *
 * <p>{@link #open} and {@link #release} are called with vfio-pci's {@code driver_lock} held.
 */
final class VfioPciDevice {
    private final PciFunction pdev;
    private final boolean nointxmask;
    private final KernelLog log;
    private final VfioPciIntrs intrs;
    /** Open device fds; guarded by {@code driver_lock}. */
    private int refcnt;
    private volatile boolean resetWorks;
    private volatile boolean pci23;
    private volatile VfioPciConfig config;
    /** {@code pci_saved_state}: COMMAND as {@code vfio_pci_enable} left it, restored by {@code vfio_pci_disable}. */
    private int savedCommand;

    VfioPciDevice(PciFunction pdev, boolean nointxmask, KernelLog log) {
        this.pdev = pdev;
        this.nointxmask = nointxmask;
        this.log = log;
        this.intrs = new VfioPciIntrs(this);
    }

    /** {@return the function} */
    PciFunction pdev() {
        return pdev;
    }

    /** {@return the interrupt state} */
    VfioPciIntrs intrs() {
        return intrs;
    }

    /** {@return whether {@code vfio_pci_enable} could reset the function} */
    boolean resetWorks() {
        return resetWorks;
    }

    /** {@return whether INTx is masked with COMMAND's INTx-disable bit (PCI 2.3), not at the interrupt line} */
    boolean pci23() {
        return pci23;
    }

    /** {@return the virtual config space of the open device} */
    VfioPciConfig config() {
        return config;
    }

    /** The first device fd enables the device; called with {@code driver_lock} held. */
    void open() throws KernelException {
        if (refcnt == 0) {
            enable();
        }
        refcnt++;
    }

    /** The last device fd disables it again; called with {@code driver_lock} held. */
    void release() {
        if (--refcnt == 0) {
            disable();
        }
    }

    /**
     * {@code vfio_pci_enable}: no bus mastering in the saved state, memory decoding on
     * ({@code pci_enable_device}), a trial reset, PCI 2.3 INTx masking unless {@code nointxmask},
     * then the virtual config space.
     */
    private void enable() {
        ConfigSpace cfg = pdev.config();
        cfg.write(PciRegs.COMMAND, 2, cfg.command() & ~PciRegs.COMMAND_MASTER | PciRegs.COMMAND_MEMORY);
        resetWorks = tryReset();
        savedCommand = cfg.command();
        config = new VfioPciConfig(this);
        pci23 = !nointxmask && intxMaskSupported(cfg);
        if (pci23 && (cfg.command() & PciRegs.COMMAND_INTX_DISABLE) != 0) {
            cfg.write(PciRegs.COMMAND, 2, cfg.command() & ~PciRegs.COMMAND_INTX_DISABLE);
        }
    }

    private boolean tryReset() {
        if (!pdev.hasResetMethod()) {
            return false;
        }
        try {
            pdev.reset();
            return true;
        } catch (KernelException e) {
            return false;
        }
    }

    /**
     * {@code pci_intx_mask_supported}: flips INTx-disable and sees whether it sticks, touching no
     * other bit.
     */
    private boolean intxMaskSupported(ConfigSpace cfg) {
        int orig = cfg.command();
        cfg.write(PciRegs.COMMAND, 2, orig ^ PciRegs.COMMAND_INTX_DISABLE);
        int changed = cfg.command() ^ orig;
        if ((changed & ~PciRegs.COMMAND_INTX_DISABLE) != 0) {
            log.err("vfio-pci " + pdev.address() + ": Command register changed from 0x" + Integer.toHexString(orig)
                    + " to 0x" + Integer.toHexString(orig ^ changed) + ": driver or hardware bug?");
            return false;
        }
        if ((changed & PciRegs.COMMAND_INTX_DISABLE) == 0) {
            return false;
        }
        cfg.write(PciRegs.COMMAND, 2, orig);
        return true;
    }

    /**
     * {@code vfio_pci_disable}: stops DMA, tears down every interrupt, drops the virtual config
     * space, resets the function when it can, and restores the saved COMMAND without bus mastering
     * ({@code pci_disable_device}).
     */
    private void disable() {
        ConfigSpace cfg = pdev.config();
        cfg.write(PciRegs.COMMAND, 2, cfg.command() & ~PciRegs.COMMAND_MASTER);
        intrs.disableAll();
        config = null;
        cfg.write(PciRegs.COMMAND, 2, PciRegs.COMMAND_INTX_DISABLE);
        if (resetWorks) {
            tryReset();
        }
        cfg.write(PciRegs.COMMAND, 2, savedCommand & ~PciRegs.COMMAND_MASTER);
    }
}
