package org.devmodel.cli;

import org.devmodel.core.Kernel;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the modelled kernel release. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"devmodel, modelling Linux " + Kernel.RELEASE};
    }
}
