package org.devmodel.cli.machine;

import java.time.Instant;
import java.util.List;
import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.cli.admin.ModuleAdmin;
import org.devmodel.cli.admin.PciAdmin;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.fs.Vfs;
import org.devmodel.core.proc.Credentials;
import org.devmodel.ioctl.IoctlTable;

/**
 * A model kernel booted in this JVM: mappings placed by the address space's rule, time on the
 * kernel's virtual clock, a call that would block waits for the next device timer. Closing it
 * closes the kernel.
 */
public final class ModelMachine implements Machine {
    private final BootedKernel booted;
    private final FileTree files;

    /**
     * @param booted the kernel and its tools; this machine owns it
     */
    public ModelMachine(BootedKernel booted) {
        this.booted = booted;
        Vfs vfs = booted.kernel().vfs();
        this.files = new FileTree() {
            @Override
            public Stat stat(String path) throws KernelException {
                return vfs.stat(path);
            }

            @Override
            public List<String> list(String path) throws KernelException {
                return vfs.list(path);
            }

            @Override
            public String readText(String path) throws KernelException {
                return vfs.readText(path);
            }
        };
    }

    /** {@return the model kernel} */
    public Kernel kernel() {
        return booted.kernel();
    }

    @Override
    public IoctlTable ioctls() {
        return booted.ioctls();
    }

    @Override
    public ModuleAdmin modules() {
        return booted.modules();
    }

    @Override
    public PciAdmin pci() {
        return booted.pci();
    }

    @Override
    public FileTree files() {
        return files;
    }

    @Override
    public String dmesg() {
        return kernel().log().dmesg();
    }

    @Override
    public Instant now() {
        return kernel().clock().wallTime();
    }

    @Override
    public void settle() {
        kernel().settle();
    }

    @Override
    public boolean placesMappingsByRule() {
        return true;
    }

    @Override
    public ScriptProcess spawn() throws KernelException {
        return new ModelProcess(kernel(), kernel().spawn(Credentials.ROOT));
    }

    @Override
    public void close() {
        booted.close();
    }
}
