package org.example.hello;

import org.devmodel.core.mem.DisplayHint;
import org.devmodel.core.mem.IoctlNumber;
import org.devmodel.core.mem.StructLayout;
import org.devmodel.ioctl.Ioctl;
import org.devmodel.ioctl.IoctlDescriptions;

/**
 * The userspace API of {@code hello}, as its C header would declare it. The annotation processor
 * of {@code devmodel-ioctl-processor} writes the same declarations into the jar's
 * {@code META-INF/devmodel/ioctls}, as data for tools that call the ioctl.
 */
@IoctlDescriptions
final class HelloUapi {
    /** {@code HELLO_IOC_MAGIC}: the ioctl type byte. */
    static final int HELLO_IOC_MAGIC = 'h';

    /** {@code struct hello_exchange}: {@code argsz}, {@code minor}, {@code value}; 16 bytes. */
    static final StructLayout HELLO_EXCHANGE = StructLayout.builder("hello_exchange")
            .u32("argsz").u32("minor").u64("value").hint(DisplayHint.HEX)
            .build();

    /**
     * {@code HELLO_IOC_EXCHANGE}: {@code _IOWR(HELLO_IOC_MAGIC, 1, struct hello_exchange)}. In:
     * argsz and value. Out: the minor of the node it was called on, and value + 1.
     */
    @Ioctl(file = "hello", arg = "struct hello_exchange")
    static final int HELLO_IOC_EXCHANGE = IoctlNumber.iowr(HELLO_IOC_MAGIC, 1, HELLO_EXCHANGE.size());

    private HelloUapi() {
    }
}
