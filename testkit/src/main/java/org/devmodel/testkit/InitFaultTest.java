package org.devmodel.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.devmodel.core.module.KernelModule;
import org.devmodel.testkit.internal.InitFaultExtension;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sweeps a kernel module's {@code init} with injected faults: the annotated method runs once per
 * step of {@code init} (that step failed), once failing the step after the last (nothing fires), and
 * once with no fault (init, exit, init again), each in a fresh kernel that indexes only the module
 * and what it depends on. The extension asserts the errno, the absence of leaks and the unwind order
 * before the method body runs; the method may take the invocation's {@link org.devmodel.core.Kernel}
 * and its {@link SweepCase} as parameters to check more.
 *
 * <pre>{@code
 * @InitFaultTest(provider = Vfio.class)
 * void vfioUnwindsEveryInitFailure(Kernel kernel) {
 * }
 * }</pre>
 *
 * <p>Name the module by {@link #provider()} or by {@link #module()} (on the module path), or by
 * {@link #modulesDirectory()} and {@link #module()} (a jar in a modules directory).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@TestTemplate
@ExtendWith(InitFaultExtension.class)
public @interface InitFaultTest {

    /** {@return the provider class of the module under test, on the module path} */
    Class<? extends KernelModule> provider() default KernelModule.class;

    /** {@return a modules directory holding the module's jar, with {@link #module()}} */
    String modulesDirectory() default "";

    /** {@return the module's name: on the module path, or in {@link #modulesDirectory()} when that is given} */
    String module() default "";

    /** {@return module parameters to load it with, as {@code "name=value"}} */
    String[] parameters() default {};

    /** {@return the kernel command line every kernel of the sweep boots with, e.g. {@code pci.machine=power}} */
    String commandLine() default "";

    /** {@return errnos to inject instead of the natural ones, as {@code "site=ERRNO"}, e.g. {@code "cdev_add=EIO"}} */
    String[] errnos() default {};
}
