package org.example.edu;

import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.vfio.client.Userspace;
import org.devmodel.vfio.client.WaitStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Tests on a fresh {@link ModelEdu} for each test. */
abstract class OnEduModel {
    static final String ADDRESS = ModelEdu.ADDRESS;
    static final int GROUP = ModelEdu.GROUP;

    private ModelEdu model;
    Kernel kernel;
    Userspace process;

    @BeforeEach
    void boot() throws KernelException {
        model = new ModelEdu();
        kernel = model.kernel;
        process = model.process();
    }

    @AfterEach
    void shutDown() {
        model.close();
    }

    WaitStrategy waiting() {
        return model.waiting();
    }
}
