package org.devmodel.vfio.client;

import org.devmodel.core.KernelException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests on a fresh model kernel whose edu is bound to vfio-pci, with a root process, for each test. */
abstract class OnEduModel {
    ModelKernel model;
    Userspace process;

    @BeforeEach
    void boot() throws KernelException {
        model = ModelKernel.withEduBoundToVfio();
        process = model.process();
    }

    @AfterEach
    void shutDown() {
        model.close();
    }
}
