package org.devmodel.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.core.module.ModuleLoader;
import org.devmodel.core.module.ModuleState;
import org.junit.jupiter.api.Test;

/** The module commands speak kmod v16's words for each errno of the loader. */
class LoaderModuleAdminTest {

    @Test
    void modprobeOfAnUnknownModuleIsKmodsFatalNotFound() {
        AdminException e = modprobeFailing(Errno.ENOENT);
        assertThat(e.errno()).isEqualTo(Errno.ENOENT);
        assertThat(e.getMessage()).isEqualTo("modprobe: FATAL: Module vfio-pci not found.");
    }

    @Test
    void modprobeWhoseInitFailsCannotInsertTheNormalisedName() {
        assertThat(modprobeFailing(Errno.ENODEV).getMessage())
                .isEqualTo("modprobe: ERROR: could not insert 'vfio_pci': No such device");
    }

    @Test
    void rmmodSaysWhichCheckFailed() {
        assertThat(rmmodFailing(Errno.ENOENT, List.of()).getMessage())
                .isEqualTo("rmmod: ERROR: Module vfio is not currently loaded");
        assertThat(rmmodFailing(Errno.EAGAIN, List.of()).getMessage()).isEqualTo("rmmod: ERROR: Module vfio is in use");
        assertThat(rmmodFailing(Errno.EAGAIN, List.of("vfio_iommu_type1", "vfio_pci")).getMessage())
                .isEqualTo("rmmod: ERROR: Module vfio is in use by: vfio_iommu_type1 vfio_pci");
        assertThat(rmmodFailing(Errno.EBUSY, List.of()).getMessage())
                .isEqualTo("rmmod: ERROR: could not remove 'vfio': Device or resource busy");
    }

    @Test
    void modinfoOfAnUnknownModuleIsNotFound() {
        AdminException e = catchThrowableOfType(AdminException.class,
                () -> new LoaderModuleAdmin(new FailingLoader(Errno.ENOENT, List.of())).modinfo("nope"));
        assertThat(e.getMessage()).isEqualTo("modinfo: ERROR: Module nope not found.");
    }

    private static AdminException modprobeFailing(Errno errno) {
        return catchThrowableOfType(AdminException.class, () -> new LoaderModuleAdmin(
                new FailingLoader(errno, List.of())).modprobe("vfio-pci", Map.of()));
    }

    private static AdminException rmmodFailing(Errno errno, List<String> holders) {
        return catchThrowableOfType(AdminException.class,
                () -> new LoaderModuleAdmin(new FailingLoader(errno, holders)).rmmod("vfio"));
    }

    /** A loader whose every operation fails with one errno, holding "vfio" with the given holders. */
    private record FailingLoader(Errno errno, List<String> holders) implements ModuleLoader {
        @Override
        public List<String> modprobe(String nameOrAlias, Map<String, String> parameters) throws KernelException {
            throw new KernelException(errno);
        }

        @Override
        public void rmmod(String name) throws KernelException {
            throw new KernelException(errno);
        }

        @Override
        public int requestModule(String alias) {
            return -errno.number();
        }

        @Override
        public void requestModuleNowait(String alias) {
        }

        @Override
        public List<LoadedModule> loaded() {
            return List.of(new LoadedModule("vfio", ModuleState.LIVE, holders.size(), holders, 1));
        }

        @Override
        public Optional<LoadedModule> find(String name) {
            return loaded().stream().filter(m -> m.name().equals(name)).findFirst();
        }

        @Override
        public List<String> indexed() {
            return List.of("vfio");
        }

        @Override
        public String lsmod() {
            return "";
        }

        @Override
        public String modinfo(String nameOrAlias) throws KernelException {
            throw new KernelException(errno);
        }

        @Override
        public Optional<String> ioctlDescriptions(String module) {
            return Optional.empty();
        }

        @Override
        public Optional<Module> code(String name) {
            return Optional.empty();
        }
    }
}
