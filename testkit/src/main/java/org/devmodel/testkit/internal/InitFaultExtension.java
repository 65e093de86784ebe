package org.devmodel.testkit.internal;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.module.KernelModule;
import org.devmodel.testkit.InitFaultSweep;
import org.devmodel.testkit.InitFaultTest;
import org.devmodel.testkit.ModuleUnderTest;
import org.devmodel.testkit.SweepCase;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Turns {@link InitFaultTest} into invocations: one per {@link SweepCase} of the module's sweep. Each
 * invocation boots its kernel before the method runs and keeps it in the extension's store, which
 * closes it when the invocation ends, even when it fails.
 */
public final class InitFaultExtension implements TestTemplateInvocationContextProvider {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            InitFaultExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.isAnnotationPresent(InitFaultTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        InitFaultSweep sweep = sweep(method.getAnnotation(InitFaultTest.class), method);
        ModuleUnderTest target = sweep.target();
        return sweep.plan().stream().map(c -> new Invocation(target, c));
    }

    private static InitFaultSweep sweep(InitFaultTest test, Method method) {
        InitFaultSweep sweep = InitFaultSweep.of(target(test, method).withParameters(parameters(test, method))
                .withCommandLine(test.commandLine()));
        for (String override : test.errnos()) {
            int eq = override.indexOf('=');
            Errno errno = eq < 0 ? null : Errno.byName(override.substring(eq + 1)).orElse(null);
            if (errno == null) {
                throw new ExtensionConfigurationException(method + ": errnos entry '" + override
                        + "' is not site=ERRNO");
            }
            sweep = sweep.withErrno(override.substring(0, eq), errno);
        }
        return sweep;
    }

    private static Map<String, String> parameters(InitFaultTest test, Method method) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String word : test.parameters()) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new ExtensionConfigurationException(method + ": parameters entry '" + word
                        + "' is not name=value");
            }
            parameters.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return parameters;
    }

    private static ModuleUnderTest target(InitFaultTest test, Method method) {
        boolean byProvider = test.provider() != KernelModule.class;
        boolean byName = !test.module().isEmpty();
        if (byProvider == byName || (byProvider && !test.modulesDirectory().isEmpty())) {
            throw new ExtensionConfigurationException(method
                    + ": @InitFaultTest needs either provider, or module (with modulesDirectory for a jar there)");
        }
        if (byProvider) {
            return ModuleUnderTest.ofProvider(test.provider());
        }
        return test.modulesDirectory().isEmpty() ? ModuleUnderTest.onModulePath(test.module())
                : ModuleUnderTest.inDirectory(Path.of(test.modulesDirectory()), test.module());
    }

    /** One sweep case as a JUnit invocation. */
    private static final class Invocation implements TestTemplateInvocationContext {
        private final ModuleUnderTest target;
        private final SweepCase sweepCase;

        Invocation(ModuleUnderTest target, SweepCase sweepCase) {
            this.target = target;
            this.sweepCase = sweepCase;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return sweepCase.displayName();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new CaseRunner(target, sweepCase));
        }
    }

    /** Boots the invocation's kernel, runs the case, and hands the kernel and the case to the method. */
    private static final class CaseRunner implements BeforeEachCallback, ParameterResolver {
        private final ModuleUnderTest target;
        private final SweepCase sweepCase;

        CaseRunner(ModuleUnderTest target, SweepCase sweepCase) {
            this.target = target;
            this.sweepCase = sweepCase;
        }

        @Override
        public void beforeEach(ExtensionContext context) throws KernelException {
            Kernel kernel = target.boot();
            // Kernel is AutoCloseable: the store closes it when this invocation's scope ends
            context.getStore(NAMESPACE).put(Kernel.class, kernel);
            sweepCase.verify(kernel);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == Kernel.class || type == SweepCase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (parameter.getParameter().getType() == SweepCase.class) {
                return sweepCase;
            }
            return context.getStore(NAMESPACE).get(Kernel.class, Kernel.class);
        }
    }
}
