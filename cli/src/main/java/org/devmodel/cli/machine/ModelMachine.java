package org.devmodel.cli.machine;

import java.time.Instant;
import org.devmodel.cli.admin.BootedKernel;
import org.devmodel.cli.admin.ModuleAdmin;
import org.devmodel.cli.admin.PciAdmin;
import org.devmodel.cli.state.KernelState;
import org.devmodel.cli.state.StateDot;
import org.devmodel.cli.state.StateText;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
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
        this.files = FileTree.of(booted.kernel().vfs());
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
    public String state(boolean dot) {
        KernelState state = KernelState.of(kernel());
        return dot ? StateDot.render(state) : StateText.render(state);
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
