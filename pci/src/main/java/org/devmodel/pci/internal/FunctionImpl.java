package org.devmodel.pci.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.device.Device;
import org.devmodel.core.log.KernelLog;
import org.devmodel.core.log.VirtualClock;
import org.devmodel.iommu.Iommu;
import org.devmodel.pci.ConfigSpace;
import org.devmodel.pci.PciAddress;
import org.devmodel.pci.PciBar;
import org.devmodel.pci.PciFunction;
import org.devmodel.pci.PciInterruptHandler;
import org.devmodel.pci.PciRegs;
import org.devmodel.pci.emul.EmulatedFunction;
import org.devmodel.pci.emul.EmulationContext;
import org.devmodel.pci.emul.PciDeviceModel;

/**
 * One PCI function: the model's state behind a config space and BARs, and the paths from the
 * device to the rest of the machine (DMA through the IOMMU, INTx and MSI to the bound driver).
 *
 * <p>Locking: this object's lock guards only the INTx state and is never held while calling the
 * model or the interrupt handler, because models call back into it from under their own locks.
 */
final class FunctionImpl implements PciFunction, EmulationContext {
    private final PciAddress address;
    private final String modelName;
    private final int groupId;
    private final Kernel kernel;
    private final Iommu iommu;
    private final EmulatedFunction state;
    private final ConfigSpaceImpl config;
    private final List<PciBar> bars;
    private volatile Device device;
    private volatile PciInterruptHandler handler;
    private boolean intxLevel;
    private boolean intxSignalled;

    /**
     * Creates the function and its model state. The model may keep this context but must not
     * start DMA or raise interrupts while it is being created.
     *
     * @throws IllegalArgumentException when the model refuses its parameters
     */
    FunctionImpl(PciAddress address, int groupId, Kernel kernel, Iommu iommu, PciDeviceModel model,
            Map<String, String> parameters) {
        this.address = address;
        this.modelName = model.name();
        this.groupId = groupId;
        this.kernel = kernel;
        this.iommu = iommu;
        this.state = model.create(parameters, this);
        this.config = new ConfigSpaceImpl(state.header(), state.bars(), this::updateIntx);
        this.bars = state.bars().stream().<PciBar>map(bar -> new BarImpl(bar, config)).toList();
    }

    /** Called once, when the device is added to bus {@code pci}. */
    void setDevice(Device device) {
        this.device = device;
    }

    int groupId() {
        return groupId;
    }

    @Override
    public PciAddress address() {
        return address;
    }

    @Override
    public Device device() {
        return device;
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public ConfigSpace config() {
        return config;
    }

    @Override
    public List<PciBar> bars() {
        return bars;
    }

    @Override
    public Optional<PciBar> bar(int index) {
        return bars.stream().filter(bar -> bar.index() == index).findFirst();
    }

    @Override
    public int msiVectors() {
        return state.header().msiVectors();
    }

    @Override
    public boolean hasResetMethod() {
        return state.hasResetMethod();
    }

    @Override
    public void reset() throws KernelException {
        if (!state.hasResetMethod()) {
            throw new KernelException(Errno.ENOTTY, address + ": no reset method");
        }
        state.reset();
        config.reset();
        synchronized (this) {
            intxLevel = false;
        }
        updateIntx();
    }

    @Override
    public void setInterruptHandler(PciInterruptHandler handler) {
        if (device == null || device.driver().isEmpty()) {
            throw new IllegalStateException(address + ": no driver bound");
        }
        replaceHandler(handler);
    }

    /** Drops the handler when the driver is unbound; the next one starts from the line's level. */
    void clearInterruptHandler() {
        replaceHandler(null);
    }

    private void replaceHandler(PciInterruptHandler newHandler) {
        synchronized (this) {
            handler = newHandler;
            intxSignalled = false;
        }
        updateIntx();
    }

    // ---- EmulationContext: what the device does to the machine

    @Override
    public VirtualClock clock() {
        return kernel.clock();
    }

    @Override
    public KernelLog log() {
        return kernel.log();
    }

    @Override
    public byte[] dmaRead(long iova, int length) throws KernelException {
        checkBusMaster("DMA read", iova);
        return iommu.dmaRead(device, iova, length);
    }

    @Override
    public void dmaWrite(long iova, byte[] data) throws KernelException {
        checkBusMaster("DMA write", iova);
        iommu.dmaWrite(device, iova, data);
    }

    /** A function that is no bus master cannot start a memory transaction: it never reaches the IOMMU. */
    private void checkBusMaster(String what, long iova) throws KernelException {
        if (!config.busMaster()) {
            kernel.log().warn("pci " + address + ": " + what + " at 0x" + Long.toHexString(iova)
                    + " refused: bus mastering disabled");
            throw new KernelException(Errno.EIO, address + ": bus mastering disabled");
        }
    }

    @Override
    public boolean msiEnabled() {
        return config.msiEnabled();
    }

    @Override
    public void setIntx(boolean asserted) {
        synchronized (this) {
            intxLevel = asserted;
        }
        updateIntx();
    }

    @Override
    public void notifyMsi(int vector) {
        if (!config.msiEnabled() || vector < 0 || vector >= config.msiEnabledVectors()) {
            return;
        }
        if (!config.busMaster()) {
            kernel.log().warn("pci " + address + ": MSI vector " + vector + " dropped: bus mastering disabled");
            return;
        }
        PciInterruptHandler target = handler;
        if (target != null) {
            target.onMsi(this, vector);
        }
    }

    /**
     * Follows the INTx pin into STATUS and, unless COMMAND disables INTx, to the handler; called
     * after the level or config space changed.
     */
    private void updateIntx() {
        boolean deliver;
        boolean line;
        PciInterruptHandler target;
        synchronized (this) {
            config.setStatus(PciRegs.STATUS_INTERRUPT, intxLevel);
            line = intxLevel && (config.command() & PciRegs.COMMAND_INTX_DISABLE) == 0;
            deliver = line != intxSignalled && handler != null;
            if (deliver) {
                intxSignalled = line;
            }
            target = handler;
        }
        if (deliver) {
            target.onIntx(this, line);
        }
    }

    @Override
    public String toString() {
        return "pci " + address;
    }
}
