package org.example.hello;

import java.nio.charset.StandardCharsets;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;
import org.devmodel.core.fs.FilePosition;
import org.devmodel.core.fs.OpenFile;
import org.devmodel.core.fs.SimpleRead;
import org.devmodel.core.mem.StructValue;
import org.devmodel.core.proc.Task;

/**
 * {@code hello_fops}, shared by both hello devices: {@code read} gives the greeting, the
 * {@code ioctl} exchanges a {@code struct hello_exchange}. No {@code open}: nothing per file.
 */
final class HelloFops implements FileOperations {
    /** What every read of a hello device returns, from the file position on. */
    static final String GREETING = "Hello from devmodel\n";

    private static final byte[] GREETING_BYTES = GREETING.getBytes(StandardCharsets.US_ASCII);

    /** {@code simple_read_from_buffer} over the greeting, so {@code cat} sees it once. */
    @Override
    public long read(OpenFile file, Task current, long buf, long count, FilePosition position)
            throws KernelException {
        return SimpleRead.fromBuffer(current, buf, count, position, GREETING_BYTES);
    }

    @Override
    public long ioctl(OpenFile file, Task current, int cmd, long arg) throws KernelException {
        if (cmd == HelloUapi.HELLO_IOC_EXCHANGE) {
            return exchange(file, current, arg);
        }
        throw new KernelException(Errno.ENOTTY);
    }

    /**
     * {@code HELLO_IOC_EXCHANGE}: copies the struct in, answers the node's minor and value + 1,
     * and copies it back; an {@code argsz} shorter than the struct is EINVAL, as VFIO does.
     */
    private static long exchange(OpenFile file, Task current, long arg) throws KernelException {
        int minsz = HelloUapi.HELLO_EXCHANGE.offsetofend("value");
        StructValue exchange = StructValue.copyPrefixFromUser(current.memory(), arg, HelloUapi.HELLO_EXCHANGE, minsz);
        if (exchange.get("argsz") < minsz) {
            throw new KernelException(Errno.EINVAL, "hello: argsz " + exchange.get("argsz") + " < " + minsz);
        }
        exchange.set("minor", file.inode().minor()).set("value", exchange.get("value") + 1);
        exchange.copyToUser(current.memory(), arg, minsz);
        return 0;
    }
}
