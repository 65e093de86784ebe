package org.example.edu;

import java.util.stream.Stream;
import org.devmodel.vfio.client.Userspace;
import org.devmodel.vfio.client.WaitStrategy;
import org.junit.jupiter.api.Named;

/**
 * A process that may drive an edu device through VFIO: on the model (a booted kernel with edu at
 * {@code 0000:00:03.0} bound to vfio-pci) or on this machine's kernel. Tests written against it
 * run unchanged on both.
 */
interface EduSide extends AutoCloseable {

    /** {@return the process's system calls and memory} */
    Userspace process();

    /** {@return the edu function's PCI address} */
    String address();

    /** {@return its IOMMU group} */
    int group();

    /** {@return how to let time pass while waiting for an interrupt} */
    WaitStrategy waiting();

    @Override
    void close();

    /**
     * {@return the model on the default (x86) and the POWER platform, and the host (skipped, saying
     * why, where it cannot run), named for the report}
     */
    static Stream<Named<SideFactory>> every() {
        return Stream.of(Named.of("model", ModelEdu::new), Named.of("model, POWER", ModelEdu::onPower),
                Named.of("host", HostEdu::find));
    }

    /** Makes a side when the test runs, so a host side can skip that test alone. */
    @FunctionalInterface
    interface SideFactory {
        EduSide open() throws Exception;
    }
}
