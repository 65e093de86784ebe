package org.example.edu;

import static org.example.edu.EduRegisters.DMA_BUFFER;
import static org.example.edu.EduRegisters.DMA_BUFFER_SIZE;
import static org.example.edu.EduRegisters.DMA_COMMAND;
import static org.example.edu.EduRegisters.DMA_COUNT;
import static org.example.edu.EduRegisters.DMA_DESTINATION;
import static org.example.edu.EduRegisters.DMA_RAISE_IRQ;
import static org.example.edu.EduRegisters.DMA_RUN;
import static org.example.edu.EduRegisters.DMA_SOURCE;
import static org.example.edu.EduRegisters.DMA_TO_RAM;
import static org.example.edu.EduRegisters.FACTORIAL;
import static org.example.edu.EduRegisters.IDENTIFICATION;
import static org.example.edu.EduRegisters.IRQ_ACK;
import static org.example.edu.EduRegisters.IRQ_DMA;
import static org.example.edu.EduRegisters.IRQ_FACTORIAL;
import static org.example.edu.EduRegisters.IRQ_STATUS;
import static org.example.edu.EduRegisters.STATUS;
import static org.example.edu.EduRegisters.STATUS_IRQ_FACTORIAL;

import java.util.Objects;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.UserMemory;
import org.devmodel.vfio.client.ConfigSpace;
import org.devmodel.vfio.client.Container;
import org.devmodel.vfio.client.Device;
import org.devmodel.vfio.client.DmaAccess;
import org.devmodel.vfio.client.EventFd;
import org.devmodel.vfio.client.Group;
import org.devmodel.vfio.client.IommuType;
import org.devmodel.vfio.client.MappedRegion;
import org.devmodel.vfio.client.Userspace;
import org.devmodel.vfio.client.WaitStrategy;
import org.devmodel.vfio.uapi.VfioIoctls;

/**
 * A userspace driver for one edu function bound to vfio-pci: its BAR0 mapped, its MSI on an
 * eventfd, and one page of the process mapped for DMA at {@link #IOVA}. It computes factorials and
 * moves bytes in and out of edu's 4 KiB buffer, waiting for each completion interrupt. Not
 * thread-safe: edu runs one command at a time.
 */
public final class Edu implements AutoCloseable {
    /** Where the device sees the driver's DMA page. */
    public static final long IOVA = 0x100000;

    private final Userspace process;
    private final String address;
    private final WaitStrategy waiting;
    // set up in this order by open, closed in reverse; null until set up
    private Container container;
    private Group group;
    private DmaPage page;
    private EventFd msi;
    private MappedRegion bar0;

    private Edu(Userspace process, String address, WaitStrategy waiting) {
        this.process = process;
        this.address = address;
        this.waiting = waiting;
    }

    /**
     * Opens the function and sets it up: container, group, type1 IOMMU, the DMA page, the device,
     * BAR0, MSI and bus mastering.
     *
     * @param process the process the driver runs in
     * @param groupId the function's IOMMU group
     * @param address the function's PCI address
     * @param waiting how to let time pass while waiting for an interrupt
     * @return the driver
     * @throws KernelException the kernel's errno at the first step that failed; what was set up is closed
     */
    public static Edu open(Userspace process, int groupId, String address, WaitStrategy waiting)
            throws KernelException {
        Edu edu = new Edu(Objects.requireNonNull(process, "process"), Objects.requireNonNull(address, "address"),
                Objects.requireNonNull(waiting, "waiting"));
        try {
            edu.setUp(groupId);
            return edu;
        } catch (KernelException | RuntimeException e) {
            try {
                edu.close();
            } catch (KernelException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void setUp(int groupId) throws KernelException {
        container = Container.open(process);
        group = Group.open(process, groupId);
        group.setContainer(container);
        container.setIommu(IommuType.TYPE1);
        page = new DmaPage(process.memory(), process.memory().mmap(DMA_BUFFER_SIZE));
        container.mapDma(page.address(), IOVA, DMA_BUFFER_SIZE, DmaAccess.READ_WRITE);
        msi = EventFd.create(process);
        Device device = group.device(address);
        bar0 = device.region(VfioIoctls.VFIO_PCI_BAR0_REGION_INDEX).mmap();
        device.setIrqs(VfioIoctls.VFIO_PCI_MSI_IRQ_INDEX, 0, msi);
        device.config().setCommandBits(ConfigSpace.COMMAND_MASTER);
    }

    /**
     * {@return edu's version, {@code major.minor}, from its identification register}
     *
     * @throws KernelException the kernel's errno
     */
    public String version() throws KernelException {
        long id = bar0.load(IDENTIFICATION, 4);
        return (id >>> 24) + "." + ((id >>> 16) & 0xff);
    }

    /**
     * Has edu compute a factorial, modulo 2^32 as its 32-bit register holds it.
     *
     * @param n the operand
     * @return {@code n!} modulo 2^32
     * @throws KernelException the kernel's errno; ETIMEDOUT when the interrupt never came
     * @throws InterruptedException when the wait was interrupted
     */
    public long factorial(int n) throws KernelException, InterruptedException {
        bar0.store(STATUS, 4, STATUS_IRQ_FACTORIAL);
        bar0.store(FACTORIAL, 4, n);
        awaitInterrupt(IRQ_FACTORIAL, "factorial");
        return bar0.load(FACTORIAL, 4);
    }

    /**
     * Copies bytes into edu's buffer by DMA from the driver's page.
     *
     * @param offset where in edu's buffer
     * @param bytes what to copy; offset and length within the 4 KiB buffer
     * @throws KernelException the kernel's errno; ETIMEDOUT when the interrupt never came
     * @throws InterruptedException when the wait was interrupted
     */
    public void write(int offset, byte[] bytes) throws KernelException, InterruptedException {
        checkRange(offset, bytes.length);
        process.memory().copyToUser(page.address() + offset, bytes);
        dma(IOVA + offset, DMA_BUFFER + offset, bytes.length, DMA_RUN | DMA_RAISE_IRQ);
    }

    /**
     * Copies bytes out of edu's buffer by DMA into the driver's page.
     *
     * @param offset where in edu's buffer
     * @param length how many bytes; offset and length within the 4 KiB buffer
     * @return the bytes
     * @throws KernelException the kernel's errno; ETIMEDOUT when the interrupt never came
     * @throws InterruptedException when the wait was interrupted
     */
    public byte[] read(int offset, int length) throws KernelException, InterruptedException {
        checkRange(offset, length);
        dma(DMA_BUFFER + offset, IOVA + offset, length, DMA_RUN | DMA_TO_RAM | DMA_RAISE_IRQ);
        return process.memory().copyFromUser(page.address() + offset, length);
    }

    private void dma(long source, long destination, long count, long command)
            throws KernelException, InterruptedException {
        bar0.store(DMA_SOURCE, 8, source);
        bar0.store(DMA_DESTINATION, 8, destination);
        bar0.store(DMA_COUNT, 8, count);
        bar0.store(DMA_COMMAND, 8, command);
        awaitInterrupt(IRQ_DMA, "DMA");
    }

    /** Waits for the MSI, then acknowledges the status bit so the next command can raise it again. */
    private void awaitInterrupt(int bit, String what) throws KernelException, InterruptedException {
        if (msi.await(waiting) == 0) {
            throw new KernelException(Errno.ETIMEDOUT, "edu " + address + ": no interrupt after the " + what);
        }
        long status = bar0.load(IRQ_STATUS, 4);
        bar0.store(IRQ_ACK, 4, status);
        if ((status & bit) == 0) {
            throw new KernelException(Errno.EIO, String.format("edu %s: interrupt status 0x%x after the %s",
                    address, status, what));
        }
    }

    private static void checkRange(int offset, int length) {
        if (offset < 0 || length < 0 || offset > DMA_BUFFER_SIZE - length) {
            throw new IndexOutOfBoundsException(length + " bytes at " + offset + " outside edu's "
                    + DMA_BUFFER_SIZE + "-byte buffer");
        }
    }

    /**
     * Closes the group, and with it the device and its BAR0 mapping (the kernel turns MSI off), then
     * the eventfd, the container (its DMA mapping ends with its last group) and the DMA page.
     *
     * @throws KernelException the first errno; the others are suppressed in it
     */
    @Override
    @SuppressWarnings("try") // the resources are only closed, in reverse order of their declaration
    public void close() throws KernelException {
        try (DmaPage p = page; Container c = container; EventFd e = msi; Group g = group) {
            // nothing to do but close them; a null one was never set up
        }
    }

    /** The driver's page of the process for DMA, unmapped on close. */
    private record DmaPage(UserMemory memory, long address) implements AutoCloseable {
        @Override
        public void close() throws KernelException {
            memory.munmap(address, DMA_BUFFER_SIZE);
        }
    }
}
