package org.devmodel.cli.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.devmodel.core.DevT;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.Inode;
import org.devmodel.core.fs.MmapRequest;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.mem.FieldType;
import org.devmodel.core.mem.MmioHandler;
import org.devmodel.core.proc.Task;
import org.devmodel.ioctl.IoctlTable;

/**
 * A small char driver for scenario tests, standing in for drivers that do not exist yet. Minor 0
 * ({@code /dev/fixture}) answers the ioctls of {@code fixture.ioctls}, reads and writes a 256-byte
 * buffer that starts as the bytes 0, 1, 2, ... and can be mapped as registers whose accesses it
 * counts; minor 1 ({@code /dev/slow}) answers EAGAIN until a timer 100 ms after its open has fired;
 * minor 2 ({@code /dev/stuck}) always answers EAGAIN.
 */
final class FixtureDriver implements FileOperations {
    static final int VERSION = 7;
    private static final int GET_VERSION = 0x4600;
    private static final int SET_MODE = 0x4601;
    private static final int SET_PEER = 0x4602;
    private static final int LOOKUP = 0x4603;
    private static final int GET_INFO = 0x4604;
    private static final int SET_IRQS = 0x4605;
    private static final int ACCESSES = 0x4606;

    private final Kernel kernel;
    private final byte[] buffer = new byte[256];
    private final byte[] registers = new byte[4096];
    private final AtomicInteger accesses = new AtomicInteger();
    private final AtomicBoolean ready = new AtomicBoolean();

    private FixtureDriver(Kernel kernel) {
        this.kernel = kernel;
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = (byte) i;
        }
    }

    /**
     * Registers the driver's three nodes in a kernel.
     *
     * @param kernel the kernel
     * @throws KernelException if the kernel refuses a registration
     */
    static void install(Kernel kernel) throws KernelException {
        FixtureDriver driver = new FixtureDriver(kernel);
        DevT base = kernel.chrdev().allocRegion(0, 3, "fixture");
        kernel.chrdev().cdevAdd(base, 3, driver);
        String[] names = {"fixture", "slow", "stuck"};
        for (int minor = 0; minor < names.length; minor++) {
            kernel.vfs().devtmpfs().createNode(names[minor], FileType.CHAR_DEVICE,
                    DevT.of(base.major(), minor), 0600, 0, 0);
        }
    }

    /** {@return the fixture's ioctl descriptions} @throws IOException if the resource is unreadable */
    static IoctlTable ioctls() throws IOException {
        try (InputStream in = FixtureDriver.class.getResourceAsStream("fixture.ioctls");
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return IoctlTable.parse(reader, "fixture.ioctls");
        }
    }

    @Override
    public void open(Inode inode, OpenFile file, Task current) {
        file.setPrivateData(inode.minor());
        if (inode.minor() == 1) {
            kernel.clock().schedule(Duration.ofMillis(100), () -> {
                ready.set(true);
                kernel.log().info("fixture: slow device ready");
            });
        }
    }

    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        int minor = file.privateData(Integer.class);
        if (minor == 2 || minor == 1 && !ready.get()) {
            throw new KernelException(Errno.EAGAIN);
        }
        int start = (int) Math.min(position.get(), buffer.length);
        int n = (int) Math.min(count, buffer.length - start);
        byte[] out = new byte[n];
        System.arraycopy(buffer, start, out, 0, n);
        current.memory().copyToUser(buf, out);
        position.advance(n);
        return n;
    }

    @Override
    public long write(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        int start = (int) position.get();
        if (start + count > buffer.length) {
            throw new KernelException(Errno.ENOSPC);
        }
        byte[] in = current.memory().copyFromUser(buf, (int) count);
        System.arraycopy(in, 0, buffer, start, in.length);
        position.advance(count);
        return count;
    }

    @Override
    public long llseek(OpenFile file, long offset, int whence) {
        return offset;
    }

    @Override
    public long ioctl(OpenFile file, Task current, int cmd, long arg) throws KernelException {
        switch (cmd) {
            case GET_VERSION:
                return VERSION;
            case SET_MODE:
                if (arg != 0 && arg != 1) {
                    throw new KernelException(Errno.EINVAL);
                }
                return 0;
            case SET_PEER:
                return FieldType.S32.read(current.memory().copyFromUser(arg, 4), 0);
            case LOOKUP:
                return lookup(current, current.memory().strndupUser(arg, 64));
            case GET_INFO:
                return getInfo(current, arg);
            case SET_IRQS:
                return setIrqs(current, arg);
            case ACCESSES:
                return accesses.get();
            default:
                throw new KernelException(Errno.ENOTTY);
        }
    }

    /** "alpha" names a sub-device whose fd the ioctl returns, as VFIO_GROUP_GET_DEVICE_FD does. */
    private long lookup(Task current, String name) throws KernelException {
        if (!name.equals("alpha")) {
            throw new KernelException(Errno.ENODEV);
        }
        OpenFile sub = kernel.vfs().openAnonymous("[fixture-alpha]", new FileOperations() { }, null, OpenFlags.O_RDWR);
        return current.fdInstall(sub);
    }

    /** Fills flags READY|BUSY and an unnamed bit 0x10, 3 items and base 0x1000; argsz below 8 is EINVAL. */
    private long getInfo(Task current, long arg) throws KernelException {
        byte[] info = current.memory().copyFromUser(arg, 32);
        if (FieldType.U32.read(info, 0) < 8) {
            throw new KernelException(Errno.EINVAL);
        }
        FieldType.U32.write(info, 4, 0x1 | 0x4 | 0x10);
        FieldType.U32.write(info, 8, 3);
        FieldType.U64.write(info, 16, 0x1000);
        current.memory().copyToUser(arg, info);
        return 0;
    }

    /** Sums the data elements (1-byte bools or 4-byte fds, as the flags say) and returns the sum. */
    private long setIrqs(Task current, long arg) throws KernelException {
        byte[] header = current.memory().copyFromUser(arg, 16);
        long flags = FieldType.U32.read(header, 4);
        int count = (int) FieldType.U32.read(header, 12);
        FieldType element = (flags & 0x4) != 0 ? FieldType.S32 : (flags & 0x2) != 0 ? FieldType.U8 : null;
        if (element == null) {
            return 0;
        }
        byte[] data = current.memory().copyFromUser(arg + 16, count * element.size());
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += element.read(data, i * element.size());
        }
        return sum;
    }

    @Override
    public MmioHandler mmap(OpenFile file, Task current, MmapRequest request) {
        return new MmioHandler() {
            @Override
            public long read(long offset, int size) {
                accesses.incrementAndGet();
                long value = 0;
                for (int i = size - 1; i >= 0; i--) {
                    value = (value << 8) | (registers[(int) offset + i] & 0xff);
                }
                return value;
            }

            @Override
            public void write(long offset, int size, long value) {
                accesses.incrementAndGet();
                for (int i = 0; i < size; i++) {
                    registers[(int) offset + i] = (byte) (value >>> (8 * i));
                }
            }
        };
    }
}
