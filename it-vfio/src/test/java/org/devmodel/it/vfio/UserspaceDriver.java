package org.devmodel.it.vfio;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.ElementType;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Credentials;
import org.devmodel.core.proc.Mman;
import org.devmodel.core.proc.Task;
import org.devmodel.ioctl.ArrayVariant;
import org.devmodel.ioctl.IoctlDescription;
import org.devmodel.ioctl.IoctlTable;

/**
 * A userspace program's view of VFIO: system calls of one process, and the ioctl numbers, constants
 * and struct layouts of the descriptions the loaded-or-not modules ship (the index holds them), as a
 * C program would take them from {@code <linux/vfio.h>}. It knows no class of any driver.
 */
final class UserspaceDriver {
    final Kernel kernel;
    final Task task;
    final IoctlTable uapi;
    /** A page of the process for arguments: structs, ints and strings. */
    private final long scratch;

    UserspaceDriver(Kernel kernel) throws KernelException, IOException {
        this.kernel = kernel;
        this.task = kernel.spawn(Credentials.ROOT);
        List<IoctlTable> tables = new ArrayList<>();
        for (String module : kernel.modules().indexed()) {
            String text = kernel.modules().ioctlDescriptions(module).orElse(null);
            if (text != null) {
                tables.add(IoctlTable.parse(new StringReader(text), module));
            }
        }
        this.uapi = IoctlTable.merge(tables);
        this.scratch = mmap(4096);
    }

    long mmap(long length) throws KernelException {
        return task.syscalls().mmap(length, Mman.PROT_READ | Mman.PROT_WRITE, Mman.MAP_PRIVATE | Mman.MAP_ANONYMOUS,
                -1, 0);
    }

    long constant(String name) {
        return uapi.constant(name).orElseThrow(() -> new IllegalArgumentException("no constant " + name)).value();
    }

    int ioctlNumber(String name) {
        return uapi.ioctl(name).orElseThrow(() -> new IllegalArgumentException("no ioctl " + name)).number();
    }

    /** {@code ioctl(fd, NAME, arg)} with an integer argument. */
    long ioctl(int fd, String name, long arg) throws KernelException {
        return task.syscalls().ioctl(fd, ioctlNumber(name), arg);
    }

    /** {@code ioctl(fd, NAME, &value)}: a pointer to an int. */
    long ioctlIntPointer(int fd, String name, int value) throws KernelException {
        task.memory().store(scratch, 4, value);
        return ioctl(fd, name, scratch);
    }

    /** {@code ioctl(fd, NAME, "text")}: a pointer to a string. */
    long ioctlString(int fd, String name, String text) throws KernelException {
        byte[] bytes = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        task.memory().copyToUser(scratch, bytes);
        return ioctl(fd, name, scratch);
    }

    /** A struct of the layout {@code NAME}'s description names, zeroed with {@code argsz} set. */
    StructValue struct(String ioctl) {
        StructValue value = StructValue.of(uapi.ioctl(ioctl).orElseThrow().layout().orElseThrow());
        return value.set("argsz", value.toBytes().length);
    }

    /**
     * A struct with a trailing array whose element type its flags choose (SET_IRQS' {@code data[]}:
     * 32-bit fds with DATA_EVENTFD), zeroed with {@code flags} and {@code argsz} set.
     */
    StructValue struct(String ioctl, long flags, int elements) {
        IoctlDescription description = uapi.ioctl(ioctl).orElseThrow();
        StructLayout layout = description.layout().orElseThrow();
        ElementType element = description.arrayVariant(flags).flatMap(ArrayVariant::element).orElseThrow();
        StructValue value = StructValue.of(layout.withArrayElement(element), elements);
        return value.set("argsz", value.toBytes().length).set("flags", flags);
    }

    /** {@code ioctl(fd, NAME, &struct)}: copies it in, calls, and returns what the kernel left there. */
    StructValue ioctlStruct(int fd, String name, StructValue in) throws KernelException {
        in.copyToUser(task.memory(), scratch);
        ioctl(fd, name, scratch);
        return StructValue.copyFromUser(task.memory(), scratch, in.layout(), in.elementCount());
    }

    /** {@code pread(fd, buf, size, offset)} of a little-endian value of 1, 2, 4 or 8 bytes. */
    long pread(int fd, int size, long offset) throws KernelException {
        task.syscalls().pread(fd, scratch, size, offset);
        return task.memory().load(scratch, size);
    }

    /** {@code pwrite(fd, &value, size, offset)}. */
    void pwrite(int fd, int size, long offset, long value) throws KernelException {
        task.memory().store(scratch, size, value);
        task.syscalls().pwrite(fd, scratch, size, offset);
    }

    /** {@code read(efd, &count, 8)}: the eventfd counter, 0 when nothing was signalled (EAGAIN). */
    long eventCount(int efd) {
        try {
            task.syscalls().read(efd, scratch, 8);
            return task.memory().load(scratch, 8);
        } catch (KernelException e) {
            return 0;
        }
    }
}
