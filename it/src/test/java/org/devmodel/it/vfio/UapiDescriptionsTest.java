package org.devmodel.it.vfio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.junit.jupiter.api.Test;

/** The index shows a kernel module with the ioctl descriptions of the UAPI module it re-exports. */
class UapiDescriptionsTest {

    @Test
    void vfioCarriesTheDescriptionsOfItsUapiModule() throws IOException, KernelException {
        String uapi;
        try (InputStream in = ModuleLayer.boot().findModule("org.devmodel.vfio.uapi").orElseThrow()
                .getResourceAsStream("META-INF/devmodel/ioctls")) {
            uapi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Kernel kernel = Kernel.boot()) {
            assertThat(kernel.modules().ioctlDescriptions("vfio")).hasValue(uapi);
            assertThat(uapi).contains("ioctl VFIO_GET_API_VERSION 0x3b64 container none");
        }
    }

    @Test
    void aModuleWithoutDescriptionsOrUapiModuleHasNone() throws KernelException {
        try (Kernel kernel = Kernel.boot()) {
            // fixture_dependent has no file and re-exports no module that carries one
            assertThat(kernel.modules().ioctlDescriptions("fixture_dependent")).isEmpty();
        }
    }
}
