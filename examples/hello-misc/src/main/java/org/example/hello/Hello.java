package org.example.hello;

import org.devmodel.core.KernelException;
import org.devmodel.core.module.KernelModule;
import org.devmodel.core.module.KernelModuleInfo;
import org.devmodel.core.module.ModuleContext;
import org.devmodel.core.module.Unwind;
import org.devmodel.misc.MiscDevice;
import org.devmodel.misc.MiscMinors;
import org.devmodel.misc.MiscRegistry;

/**
 * The kernel module {@code hello}: {@code /dev/hello} on the static misc minor 245, outside the
 * kernel's table, and {@code /dev/hello_dyn} on a dynamic minor. Its aliases put
 * {@code hello c10:245} in {@code modules.devname}, so {@code /dev/hello} exists at boot and its
 * first open loads the module.
 */
@KernelModuleInfo(name = "hello", version = Hello.VERSION, description = Hello.DESCRIPTION, license = "GPL v2",
        aliases = {Hello.HELLO_ALIAS, "devname:hello"})
public final class Hello implements KernelModule {
    static final String VERSION = "0.1";
    static final String DESCRIPTION = "Hello, misc: a sample misc driver";

    /** The static minor of {@code /dev/hello}. */
    static final int HELLO_MINOR = 245;
    /** {@code MODULE_ALIAS_MISCDEV(HELLO_MINOR)}. */
    static final String HELLO_ALIAS = MiscMinors.ALIAS_PREFIX + HELLO_MINOR;

    private final HelloFops fops = new HelloFops();
    private MiscRegistry misc;
    private MiscDevice hello;
    private MiscDevice helloDyn;

    /** For the module loader, which makes one instance per load. */
    public Hello() {
    }

    /** {@code hello_init}: registers {@code hello}, then {@code hello_dyn}. */
    @Override
    public void init(ModuleContext context) throws KernelException {
        misc = MiscRegistry.of(context.kernel());
        // Built afresh on each init: a dynamic device keeps the minor it was given (v3.14 never resets it).
        hello = MiscDevice.builder(HELLO_MINOR, "hello", fops).mode(0666).build();
        helloDyn = MiscDevice.builder(MiscMinors.MISC_DYNAMIC_MINOR, "hello_dyn", fops).mode(0666).build();
        try (Unwind unwind = context.unwind()) {
            misc.register(hello);
            unwind.onError(() -> misc.deregister(hello));
            misc.register(helloDyn);
            context.log().info("hello: misc devices 10:" + hello.minor() + " and 10:" + helloDyn.minor());
            unwind.commit();
        }
    }

    /** {@code hello_exit}: deregisters in reverse order of {@link #init}. */
    @Override
    public void exit() {
        misc.deregister(helloDyn);
        misc.deregister(hello);
    }
}
