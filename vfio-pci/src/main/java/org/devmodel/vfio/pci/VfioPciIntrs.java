package org.devmodel.vfio.pci;

import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_ACTION_MASK;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_ACTION_TRIGGER;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_ACTION_TYPE_MASK;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_ACTION_UNMASK;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_DATA_BOOL;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_DATA_EVENTFD;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_IRQ_SET_DATA_NONE;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_INTX_IRQ_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_MSIX_IRQ_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_MSI_IRQ_INDEX;
import static org.devmodel.vfio.uapi.VfioIoctls.VFIO_PCI_NUM_IRQS;

import java.util.OptionalInt;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.EventFdContext;
import org.devmodel.core.proc.Task;
import org.devmodel.pci.ConfigSpace;
import org.devmodel.pci.PciFunction;
import org.devmodel.pci.PciInterruptHandler;
import org.devmodel.pci.PciRegs;

/**
 * {@code vfio_pci_intrs.c} of v3.14: INTx and MSI of one function, delivered by signalling the
 * eventfds a user gave with {@code VFIO_DEVICE_SET_IRQS}. INTx is level-triggered, so its handler
 * masks it ("automasked") until the user unmasks it; with PCI 2.3 masking the mask is COMMAND's
 * INTx-disable bit, otherwise ({@code nointxmask=1}) the interrupt line is disabled instead.
 *
 * <p>Locks: {@code igate} serialises SET_IRQS; {@code irqlock} guards the mask state and is taken
 * by the interrupt handler, which runs on the device's thread. Neither is held while touching a BAR.
 */
final class VfioPciIntrs implements PciInterruptHandler {
    /** The INTx index. */
    static final int INTX = VFIO_PCI_INTX_IRQ_INDEX;
    /** {@code irq_type} when no interrupt is set up ({@code is_irq_none}). */
    private static final int NONE = VFIO_PCI_NUM_IRQS;
    /** What {@code pci_enable_msi_block} programs as the message address: the x86 interrupt window. */
    private static final int MSI_ADDRESS = 0xfee00000;

    private final VfioPciDevice vdev;
    private final Object igate = new Object();
    private final Object irqlock = new Object();
    private volatile int irqType = NONE;
    private volatile IrqCtx[] ctx = new IrqCtx[0];
    /** COMMAND's virtual INTx-disable bit is set; guarded by {@code irqlock}. */
    private boolean virqDisabled;
    /** {@code disable_irq} of the INTx line without PCI 2.3 masking; guarded by {@code irqlock}. */
    private boolean lineDisabled;
    private volatile int msiQmax;

    /** {@code struct vfio_pci_irq_ctx}. */
    private static final class IrqCtx {
        private volatile EventFdContext trigger;
        private boolean masked;
    }

    VfioPciIntrs(VfioPciDevice vdev) {
        this.vdev = vdev;
    }

    /** {@return whether MSI is enabled through SET_IRQS ({@code is_msi})} */
    boolean isMsi() {
        return irqType == VFIO_PCI_MSI_IRQ_INDEX;
    }

    /** {@return {@code msi_qmax}: log2 of the MSI vectors SET_IRQS enabled} */
    int msiQmax() {
        return msiQmax;
    }

    private boolean isIntx() {
        return irqType == INTX;
    }

    /**
     * {@code vfio_pci_get_irq_count}: 1 INTx when the function has a pin, the MSI capability's
     * vectors; no function of devmodel has MSI-X or is PCI Express (ERR).
     *
     * @param index an IRQ index
     * @return the count
     */
    int irqCount(int index) {
        ConfigSpace cfg = vdev.pdev().config();
        if (index == INTX) {
            return cfg.read(PciRegs.INTERRUPT_PIN, 1) != 0 ? 1 : 0;
        } else if (index == VFIO_PCI_MSI_IRQ_INDEX) {
            OptionalInt pos = cfg.findCapability(PciRegs.CAP_ID_MSI);
            return pos.isPresent()
                    ? 1 << ((cfg.read(pos.getAsInt() + PciRegs.MSI_FLAGS, 2) & PciRegs.MSI_FLAGS_QMASK) >> 1) : 0;
        }
        return 0;
    }

    /**
     * {@code vfio_pci_set_irqs_ioctl}: the range and the data size have been checked.
     *
     * @return 0
     * @throws KernelException ENOTTY for an action the index does not have, EINVAL for a bad range
     *     or state, EBADF or EINVAL for an fd that is no eventfd
     */
    long setIrqs(Task current, int flags, int index, int start, int count, byte[] data) throws KernelException {
        int action = flags & VFIO_IRQ_SET_ACTION_TYPE_MASK;
        synchronized (igate) {
            if (index == INTX && action == VFIO_IRQ_SET_ACTION_MASK) {
                setIntxMask(flags, start, count, data);
            } else if (index == INTX && action == VFIO_IRQ_SET_ACTION_UNMASK) {
                setIntxUnmask(flags, start, count, data);
            } else if (index == INTX && action == VFIO_IRQ_SET_ACTION_TRIGGER) {
                setIntxTrigger(current, flags, start, count, data);
            } else if ((index == VFIO_PCI_MSI_IRQ_INDEX || index == VFIO_PCI_MSIX_IRQ_INDEX)
                    && action == VFIO_IRQ_SET_ACTION_TRIGGER) {
                // MSI masking is not exported by the PCI core in v3.14, so only TRIGGER exists
                setMsiTrigger(current, index, flags, start, count, data);
            } else {
                throw new KernelException(Errno.ENOTTY);
            }
        }
        return 0;
    }

    /** {@code vfio_pci_disable}'s teardown: whatever is enabled is disabled, the virtual mask forgotten. */
    void disableAll() {
        synchronized (igate) {
            if (isIntx()) {
                intxDisable();
            } else if (irqType != NONE) {
                msiDisable();
            }
        }
        synchronized (irqlock) {
            virqDisabled = false;
        }
    }

    // ---- INTx ----------------------------------------------------------------------------------

    private static boolean bool(int flags, byte[] data) {
        return (flags & VFIO_IRQ_SET_DATA_NONE) != 0 || data[0] != 0;
    }

    private static int s32(byte[] data, int i) {
        return data[4 * i] & 0xff | (data[4 * i + 1] & 0xff) << 8 | (data[4 * i + 2] & 0xff) << 16
                | data[4 * i + 3] << 24;
    }

    /** {@code vfio_pci_set_intx_mask}. */
    private void setIntxMask(int flags, int start, int count, byte[] data) throws KernelException {
        if (!isIntx() || start != 0 || count != 1) {
            throw new KernelException(Errno.EINVAL);
        }
        if ((flags & VFIO_IRQ_SET_DATA_EVENTFD) != 0) {
            throw new KernelException(Errno.ENOTTY, "vfio-pci: mask by eventfd not implemented");
        }
        if (bool(flags, data)) {
            intxMask();
        }
    }

    /**
     * {@code vfio_pci_set_intx_unmask}. Unmasking by eventfd needs {@code virqfd}, which devmodel
     * lacks: an fd of -1 (disable) is accepted, any other is ENOTTY.
     */
    private void setIntxUnmask(int flags, int start, int count, byte[] data) throws KernelException {
        if (!isIntx() || start != 0 || count != 1) {
            throw new KernelException(Errno.EINVAL);
        }
        if ((flags & VFIO_IRQ_SET_DATA_EVENTFD) != 0) {
            if (s32(data, 0) >= 0) {
                throw new KernelException(Errno.ENOTTY, "vfio-pci: unmask by eventfd (virqfd) not implemented");
            }
        } else if (bool(flags, data)) {
            intxUnmask();
        }
    }

    /** {@code vfio_pci_set_intx_trigger}: count 0 with DATA_NONE disables; an eventfd enables; NONE/BOOL loop back. */
    private void setIntxTrigger(Task current, int flags, int start, int count, byte[] data) throws KernelException {
        if (isIntx() && count == 0 && (flags & VFIO_IRQ_SET_DATA_NONE) != 0) {
            intxDisable();
            return;
        }
        if (!(isIntx() || irqType == NONE) || start != 0 || count != 1) {
            throw new KernelException(Errno.EINVAL);
        }
        if ((flags & VFIO_IRQ_SET_DATA_EVENTFD) != 0) {
            int fd = s32(data, 0);
            if (isIntx()) {
                intxSetSignal(current, fd);
                return;
            }
            intxEnable();
            try {
                intxSetSignal(current, fd);
            } catch (KernelException e) {
                intxDisable();
                throw e;
            }
            return;
        }
        if (!isIntx()) {
            throw new KernelException(Errno.EINVAL);
        }
        if (bool(flags, data)) {
            sendIntxEventfd();
        }
    }

    /** {@code vfio_intx_enable}: starts masked if COMMAND's virtual INTx-disable is set. */
    private void intxEnable() throws KernelException {
        if (irqType != NONE) {
            throw new KernelException(Errno.EINVAL);
        }
        if (irqCount(INTX) == 0) {
            throw new KernelException(Errno.ENODEV);
        }
        IrqCtx intx = new IrqCtx();
        synchronized (irqlock) {
            intx.masked = virqDisabled;
            ctx = new IrqCtx[] {intx};
            if (vdev.pci23()) {
                pciIntx(!intx.masked);
            }
            irqType = INTX;
        }
    }

    /** {@code vfio_intx_disable}. */
    private void intxDisable() {
        signalOff(ctx[0]);
        synchronized (irqlock) {
            irqType = NONE;
            ctx = new IrqCtx[0];
            lineDisabled = false;
        }
    }

    /**
     * {@code vfio_intx_set_signal}: replaces the trigger; a negative fd only disables. Like
     * {@code request_irq}, installing a trigger on a line already asserted runs the handler.
     */
    private void intxSetSignal(Task current, int fd) throws KernelException {
        signalOff(ctx[0]);
        if (fd < 0) {
            return;
        }
        IrqCtx intx = ctx[0];
        intx.trigger = EventFdContext.fdget(current, fd);
        synchronized (irqlock) {
            // INTx disable sticks across the new handler, disable_irq does not
            lineDisabled = !vdev.pci23() && intx.masked;
        }
        pollIntxLine();
    }

    /** Runs the handler if the line is asserted and not disabled in COMMAND: a level interrupt pending. */
    private void pollIntxLine() {
        ConfigSpace cfg = vdev.pdev().config();
        if ((cfg.read(PciRegs.STATUS, 2) & PciRegs.STATUS_INTERRUPT) != 0
                && (cfg.command() & PciRegs.COMMAND_INTX_DISABLE) == 0) {
            onIntx(vdev.pdev(), true);
        }
    }

    /** {@code vfio_send_intx_eventfd}: nothing while COMMAND's virtual INTx-disable is set. */
    private void sendIntxEventfd() {
        EventFdContext trigger;
        synchronized (irqlock) {
            if (!isIntx() || virqDisabled) {
                return;
            }
            trigger = ctx[0].trigger;
        }
        if (trigger != null) {
            trigger.signal(1);
        }
    }

    /** {@code pci_intx}: clears or sets COMMAND's INTx-disable bit. */
    private void pciIntx(boolean enable) {
        ConfigSpace cfg = vdev.pdev().config();
        int cmd = cfg.command();
        int updated = enable ? cmd & ~PciRegs.COMMAND_INTX_DISABLE : cmd | PciRegs.COMMAND_INTX_DISABLE;
        if (updated != cmd) {
            cfg.write(PciRegs.COMMAND, 2, updated);
        }
    }

    /**
     * {@code pci_check_and_set_intx_mask}: masks only when the function is asserting INTx, unmasks
     * only when it is not, so no interrupt is lost in between.
     */
    private boolean checkAndSetIntxMask(boolean mask) {
        ConfigSpace cfg = vdev.pdev().config();
        boolean pending = (cfg.read(PciRegs.STATUS, 2) & PciRegs.STATUS_INTERRUPT) != 0;
        if (mask != pending) {
            return false;
        }
        pciIntx(!mask);
        return true;
    }

    /** {@code vfio_intx_handler}: masks INTx and signals the trigger. */
    @Override
    public void onIntx(PciFunction function, boolean asserted) {
        boolean handled = false;
        synchronized (irqlock) {
            if (!asserted || !isIntx() || ctx[0].trigger == null || lineDisabled) {
                return;
            }
            IrqCtx intx = ctx[0];
            if (!vdev.pci23()) {
                lineDisabled = true;
                intx.masked = true;
                handled = true;
            } else if (!intx.masked && checkAndSetIntxMask(true)) {
                intx.masked = true;
                handled = true;
            }
        }
        if (handled) {
            sendIntxEventfd();
        }
    }

    /**
     * {@code vfio_pci_intx_mask}: masking comes from the handler, SET_IRQS or COMMAND; without INTx
     * delivery the real bit just follows the virtual one.
     */
    private void intxMask() {
        synchronized (irqlock) {
            if (!isIntx()) {
                if (vdev.pci23()) {
                    pciIntx(false);
                }
            } else if (!ctx[0].masked) {
                // always mask, not only when something is pending
                if (vdev.pci23()) {
                    pciIntx(false);
                } else {
                    lineDisabled = true;
                }
                ctx[0].masked = true;
            }
        }
    }

    /**
     * {@code vfio_pci_intx_unmask}: an interrupt still pending stays masked and is re-sent to the
     * user instead of firing again.
     */
    private void intxUnmask() {
        boolean resend = false;
        synchronized (irqlock) {
            if (!isIntx()) {
                if (vdev.pci23()) {
                    pciIntx(true);
                }
            } else if (ctx[0].masked && !virqDisabled) {
                if (vdev.pci23()) {
                    resend = !checkAndSetIntxMask(false);
                } else {
                    lineDisabled = false;
                }
                ctx[0].masked = resend;
            }
        }
        if (resend) {
            sendIntxEventfd();
        } else if (!vdev.pci23()) {
            // enable_irq of a level line still asserted fires again
            pollIntxLine();
        }
    }

    /**
     * COMMAND's virtual INTx-disable bit was written ({@code vfio_basic_config_write}): setting it
     * masks INTx, clearing it unmasks.
     *
     * @param virtIntxDisable the bit as the user left it
     */
    void followVirtualIntxDisable(boolean virtIntxDisable) {
        boolean mask;
        synchronized (irqlock) {
            if (virtIntxDisable == virqDisabled) {
                return;
            }
            virqDisabled = virtIntxDisable;
            mask = virtIntxDisable;
        }
        if (mask) {
            intxMask();
        } else {
            intxUnmask();
        }
    }

    // ---- MSI -----------------------------------------------------------------------------------

    /** {@code vfio_pci_set_msi_trigger}. */
    private void setMsiTrigger(Task current, int index, int flags, int start, int count, byte[] data)
            throws KernelException {
        if (irqType == index && count == 0 && (flags & VFIO_IRQ_SET_DATA_NONE) != 0) {
            msiDisable();
            return;
        }
        if (!(irqType == index || irqType == NONE)) {
            throw new KernelException(Errno.EINVAL);
        }
        if ((flags & VFIO_IRQ_SET_DATA_EVENTFD) != 0) {
            if (irqType == index) {
                msiSetBlock(current, start, count, data);
                return;
            }
            msiEnable(start + count, index == VFIO_PCI_MSIX_IRQ_INDEX);
            try {
                msiSetBlock(current, start, count, data);
            } catch (KernelException e) {
                msiDisable();
                throw e;
            }
            return;
        }
        IrqCtx[] vectors = ctx;
        if (irqType != index || endAbove(start, count, vectors.length)) {
            throw new KernelException(Errno.EINVAL);
        }
        // start + count wrapped to at most num_ctx: v3.14's unsigned loop runs zero times
        for (int i = start; Integer.compareUnsigned(i, start + count) < 0; i++) {
            EventFdContext trigger = vectors[i].trigger;
            if (trigger != null && ((flags & VFIO_IRQ_SET_DATA_NONE) != 0 || data[i - start] != 0)) {
                trigger.signal(1);
            }
        }
    }

    /**
     * {@code start + count > num_ctx} as v3.14 computes it: {@code start} and {@code count} are
     * {@code unsigned}, so the sum wraps modulo 2^32 and compares unsigned.
     */
    private static boolean endAbove(int start, int count, int numCtx) {
        return Integer.compareUnsigned(start + count, numCtx) > 0;
    }

    /**
     * {@code vfio_msi_enable}: {@code pci_enable_msi_block} programs the real capability (message,
     * vectors, enable); the user's virtual capability may now keep its enable bit.
     */
    private void msiEnable(int nvec, boolean msix) throws KernelException {
        OptionalInt pos = vdev.pdev().config().findCapability(PciRegs.CAP_ID_MSI);
        if (irqType != NONE || msix || pos.isEmpty()) {
            // no devmodel function has an MSI-X capability: pci_enable_msix fails
            throw new KernelException(Errno.EINVAL);
        }
        if (nvec < 1) {
            // pci_msi_check_device: "You can't ask to have 0 or less MSIs configured"
            throw new KernelException(Errno.ERANGE, "vfio-pci: pci_enable_msi_block of " + nvec + " vectors");
        }
        int qsize = 32 - Integer.numberOfLeadingZeros(nvec * 2 - 1) - 1;
        ConfigSpace cfg = vdev.pdev().config();
        int cap = pos.getAsInt();
        cfg.write(cap + PciRegs.MSI_ADDRESS_LO, 4, MSI_ADDRESS);
        cfg.write(cap + PciRegs.MSI_ADDRESS_HI, 4, 0);
        cfg.write(cap + PciRegs.MSI_DATA_64, 2, 0);
        cfg.write(cap + PciRegs.MSI_FLAGS, 2, qsize << 4 | PciRegs.MSI_FLAGS_ENABLE);
        IrqCtx[] vectors = new IrqCtx[nvec];
        for (int i = 0; i < nvec; i++) {
            vectors[i] = new IrqCtx();
        }
        ctx = vectors;
        msiQmax = qsize;
        irqType = VFIO_PCI_MSI_IRQ_INDEX;
    }

    /** {@code vfio_msi_disable}: drops every trigger and {@code pci_disable_msi}. */
    private void msiDisable() {
        IrqCtx[] vectors = ctx;
        for (int i = 0; i < vectors.length; i++) {
            signalOff(vectors[i]);
        }
        ConfigSpace cfg = vdev.pdev().config();
        cfg.findCapability(PciRegs.CAP_ID_MSI).ifPresent(cap -> cfg.write(cap + PciRegs.MSI_FLAGS, 2,
                cfg.read(cap + PciRegs.MSI_FLAGS, 2) & ~PciRegs.MSI_FLAGS_ENABLE));
        irqType = NONE;
        ctx = new IrqCtx[0];
    }

    /** {@code vfio_msi_set_block}: on a failure the vectors set so far are cleared again. */
    private void msiSetBlock(Task current, int start, int count, byte[] data) throws KernelException {
        IrqCtx[] vectors = ctx;
        if (endAbove(start, count, vectors.length)) {
            throw new KernelException(Errno.EINVAL);
        }
        for (int j = start; j < start + count; j++) {
            try {
                msiSetVectorSignal(current, vectors[j], s32(data, j - start));
            } catch (KernelException e) {
                for (int k = j; k >= start; k--) {
                    signalOff(vectors[k]);
                }
                throw e;
            }
        }
    }

    /** {@code vfio_msi_set_vector_signal}: replaces one vector's trigger; a negative fd only disables. */
    private static void msiSetVectorSignal(Task current, IrqCtx vector, int fd) throws KernelException {
        signalOff(vector);
        if (fd >= 0) {
            vector.trigger = EventFdContext.fdget(current, fd);
        }
    }

    /** Drops a vector's trigger, if it has one: {@code free_irq}, then {@code eventfd_ctx_put}. */
    private static void signalOff(IrqCtx vector) {
        EventFdContext old = vector.trigger;
        if (old != null) {
            vector.trigger = null;
            old.put();
        }
    }

    /** {@code vfio_msihandler}: the vector's trigger is signalled. */
    @Override
    public void onMsi(PciFunction function, int vector) {
        IrqCtx[] vectors = ctx;
        if (isMsi() && vector < vectors.length) {
            EventFdContext trigger = vectors[vector].trigger;
            if (trigger != null) {
                trigger.signal(1);
            }
        }
    }
}
