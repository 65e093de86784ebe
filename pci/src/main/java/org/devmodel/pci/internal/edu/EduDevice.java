package org.devmodel.pci.internal.edu;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.pci.emul.ConfigHeader;
import org.devmodel.pci.emul.EmulatedBar;
import org.devmodel.pci.emul.EmulatedFunction;
import org.devmodel.pci.emul.EmulationContext;

/**
 * One edu function, register for register as QEMU's {@code hw/misc/edu.c}: BAR0 is 1 MiB of
 * registers; accesses below 0x80 must be 4 bytes wide, from 0x80 on 4 or 8 bytes; any other access,
 * and a read of an offset that is no register, answers all ones (writes are ignored).
 *
 * <p>Device time is the kernel's virtual clock: a factorial completes 1 ms after its write (QEMU
 * computes it on a thread), a DMA 100 ms after its command (QEMU's {@code dma_timer}).
 *
 * <p>Deviations, which the README lists: a transfer that would leave the DMA buffer is rejected
 * (logged; the command completes without moving data) where QEMU logs and copies anyway (earlier
 * QEMU aborted); a DMA the bus or the IOMMU refuses moves nothing, and the command still completes
 * and raises its interrupt, since edu has no error status.
 */
final class EduDevice implements EmulatedFunction, MmioHandler {
    static final int VENDOR = 0x1234;
    static final int DEVICE = 0x11e8;
    static final int REVISION = 0x10;
    /** {@code PCI_CLASS_OTHERS} as QEMU's {@code pci_config_set_class} writes it: sub-class 0xff. */
    static final int CLASS_CODE = 0x00ff00;
    /** QEMU's default subsystem ids ({@code pci_set_default_subsystem_id}): Red Hat, QEMU. */
    static final int SUBSYSTEM_VENDOR = 0x1af4;
    static final int SUBSYSTEM_DEVICE = 0x1100;
    static final long BAR0_SIZE = 1 << 20;

    static final int IDENTIFICATION = 0x010000ed;
    static final int REG_IDENTIFICATION = 0x00;
    static final int REG_LIVENESS = 0x04;
    static final int REG_FACTORIAL = 0x08;
    static final int REG_STATUS = 0x20;
    static final int REG_IRQ_STATUS = 0x24;
    static final int REG_IRQ_RAISE = 0x60;
    static final int REG_IRQ_ACK = 0x64;
    static final int REG_DMA_SRC = 0x80;
    static final int REG_DMA_DST = 0x88;
    static final int REG_DMA_COUNT = 0x90;
    static final int REG_DMA_CMD = 0x98;

    static final int STATUS_COMPUTING = 0x01;
    static final int STATUS_IRQFACT = 0x80;
    static final int FACT_IRQ = 0x001;
    static final int DMA_IRQ = 0x100;
    static final long DMA_RUN = 0x1;
    /** Direction bit: 0 moves RAM to the device, 1 the device to RAM ({@code EDU_DMA_TO_PCI}). */
    static final long DMA_TO_RAM = 0x2;
    static final long DMA_IRQ_ENABLE = 0x4;
    static final long DMA_START = 0x40000;
    static final int DMA_SIZE = 4096;
    /** QEMU's default {@code dma_mask}: the engine drives 28 address bits. */
    static final long DMA_MASK = (1L << 28) - 1;
    static final Duration FACTORIAL_TIME = Duration.ofMillis(1);
    static final Duration DMA_TIME = Duration.ofMillis(100);
    /** 34! has 32 factors of two, so every factorial from there on is 0 modulo 2^32. */
    private static final long FACTORIAL_ZERO_FROM = 34;

    private final EmulationContext context;
    private final byte[] buffer = new byte[DMA_SIZE];
    private int liveness;
    private int factorial;
    private int status;
    private int irqStatus;
    private long dmaSrc;
    private long dmaDst;
    private long dmaCount;
    private long dmaCmd;

    EduDevice(EmulationContext context) {
        this.context = context;
    }

    @Override
    public ConfigHeader header() {
        return new ConfigHeader(VENDOR, DEVICE, REVISION, CLASS_CODE, SUBSYSTEM_VENDOR, SUBSYSTEM_DEVICE, 1, 1);
    }

    @Override
    public List<EmulatedBar> bars() {
        return List.of(new EmulatedBar(0, BAR0_SIZE, this));
    }

    /** {@return false: edu has neither FLR nor power management} */
    @Override
    public boolean hasResetMethod() {
        return false;
    }

    @Override
    public void reset() {
        throw new IllegalStateException("edu has no reset method");
    }

    private static boolean validWidth(long offset, int size) {
        return offset < 0x80 ? size == 4 : size == 4 || size == 8;
    }

    // ---- BAR0

    @Override
    public synchronized long read(long offset, int size) {
        if (!validWidth(offset, size)) {
            return -1L;
        }
        return switch ((int) offset) {
            case REG_IDENTIFICATION -> IDENTIFICATION;
            case REG_LIVENESS -> Integer.toUnsignedLong(liveness);
            case REG_FACTORIAL -> Integer.toUnsignedLong(factorial);
            case REG_STATUS -> status;
            case REG_IRQ_STATUS -> Integer.toUnsignedLong(irqStatus);
            case REG_DMA_SRC -> dmaSrc;
            case REG_DMA_DST -> dmaDst;
            case REG_DMA_COUNT -> dmaCount;
            case REG_DMA_CMD -> dmaCmd;
            default -> -1L;
        };
    }

    @Override
    public synchronized void write(long offset, int size, long value) {
        if (!validWidth(offset, size)) {
            return;
        }
        boolean dmaIdle = (dmaCmd & DMA_RUN) == 0;
        switch ((int) offset) {
            case REG_LIVENESS -> liveness = ~(int) value;
            case REG_FACTORIAL -> startFactorial((int) value);
            case REG_STATUS -> status = (value & STATUS_IRQFACT) != 0 ? status | STATUS_IRQFACT : status & ~STATUS_IRQFACT;
            case REG_IRQ_RAISE -> raiseIrq((int) value);
            case REG_IRQ_ACK -> lowerIrq((int) value);
            // the DMA registers are frozen while a transfer runs
            case REG_DMA_SRC -> dmaSrc = dmaIdle ? value : dmaSrc;
            case REG_DMA_DST -> dmaDst = dmaIdle ? value : dmaDst;
            case REG_DMA_COUNT -> dmaCount = dmaIdle ? value : dmaCount;
            case REG_DMA_CMD -> startDma(value, dmaIdle);
            default -> {
                // no register there: the write is ignored
            }
        }
    }

    // ---- interrupts

    /** {@code edu_raise_irq}: MSI when enabled, else INTx held high while any status bit is set. */
    private void raiseIrq(int bits) {
        irqStatus |= bits;
        if (irqStatus != 0) {
            if (context.msiEnabled()) {
                context.notifyMsi(0);
            } else {
                context.setIntx(true);
            }
        }
    }

    /** {@code edu_lower_irq}. */
    private void lowerIrq(int bits) {
        irqStatus &= ~bits;
        if (irqStatus == 0 && !context.msiEnabled()) {
            context.setIntx(false);
        }
    }

    // ---- factorial

    private void startFactorial(int value) {
        if ((status & STATUS_COMPUTING) != 0) {
            return;
        }
        factorial = value;
        status |= STATUS_COMPUTING;
        context.clock().schedule(FACTORIAL_TIME, this::finishFactorial);
    }

    private synchronized void finishFactorial() {
        long n = Integer.toUnsignedLong(factorial);
        int result = 1;
        for (long k = Math.min(n, FACTORIAL_ZERO_FROM); k > 0; k--) {
            result *= (int) k;
        }
        factorial = result;
        status &= ~STATUS_COMPUTING;
        if ((status & STATUS_IRQFACT) != 0) {
            raiseIrq(FACT_IRQ);
        }
    }

    // ---- DMA

    private void startDma(long command, boolean idle) {
        if ((command & DMA_RUN) == 0 || !idle) {
            return;
        }
        dmaCmd = command;
        context.clock().schedule(DMA_TIME, this::finishDma);
    }

    /** {@code edu_dma_timer}. */
    private synchronized void finishDma() {
        boolean toRam = (dmaCmd & DMA_TO_RAM) != 0;
        long deviceAddress = toRam ? dmaSrc : dmaDst;
        if (inBuffer(deviceAddress, dmaCount)) {
            transfer(toRam, (int) (deviceAddress - DMA_START), clamp(toRam ? dmaDst : dmaSrc));
        } else {
            context.log().err(String.format("edu %s: DMA range 0x%016x-0x%016x out of bounds (0x%016x-0x%016x), rejected",
                    context.address(), deviceAddress, deviceAddress + dmaCount - 1, DMA_START, DMA_START + DMA_SIZE - 1));
        }
        dmaCmd &= ~DMA_RUN;
        if ((dmaCmd & DMA_IRQ_ENABLE) != 0) {
            raiseIrq(DMA_IRQ);
        }
    }

    /** {@code edu_check_range}, unsigned and without overflow. */
    private static boolean inBuffer(long start, long count) {
        long end = start + count;
        return Long.compareUnsigned(end, start) >= 0 && Long.compareUnsigned(start, DMA_START) >= 0
                && Long.compareUnsigned(end, DMA_START + DMA_SIZE) <= 0;
    }

    /** {@code edu_clamp_addr}. */
    private long clamp(long busAddress) {
        long clamped = busAddress & DMA_MASK;
        if (clamped != busAddress) {
            context.log().warn(String.format("edu %s: clamping DMA 0x%016x to 0x%016x", context.address(), busAddress, clamped));
        }
        return clamped;
    }

    /** Moves the bytes; a refusal by the bus or the IOMMU (already logged) leaves both sides as they were. */
    private void transfer(boolean toRam, int bufferOffset, long busAddress) {
        int count = (int) dmaCount;
        try {
            if (toRam) {
                context.dmaWrite(busAddress, Arrays.copyOfRange(buffer, bufferOffset, bufferOffset + count));
            } else {
                System.arraycopy(context.dmaRead(busAddress, count), 0, buffer, bufferOffset, count);
            }
        } catch (KernelException refused) {
            // edu has no error status: the command completes as if the bytes had moved
        }
    }
}
