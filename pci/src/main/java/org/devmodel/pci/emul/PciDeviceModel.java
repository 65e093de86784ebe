package org.devmodel.pci.emul;

import java.util.Map;

/**
 * A device model, the emulator of one kind of PCI function ({@code edu}), found with
 * {@link java.util.ServiceLoader} in the boot layer when the PCI core starts. The platform names a
 * model for each function; the core calls {@link #create} once per such function, at boot, before
 * the function is on the bus.
 *
 * <p>Providers are concrete public classes with a public no-argument constructor, declared with
 * {@code provides org.devmodel.pci.emul.PciDeviceModel with ...}; a factory {@code provider()}
 * method is not supported. Names are unique; a second provider of a name is ignored and logged.
 */
public interface PciDeviceModel {

    /** {@return the model name the platform uses, e.g. {@code edu}} */
    String name();

    /**
     * Creates the state of one emulated function.
     *
     * @param parameters the platform entry's model parameters ({@code key=value} words other than
     *     {@code group}, {@code model} and {@code driver}), possibly empty
     * @param context the function's link to the PCI core; keep it for DMA and interrupts
     * @return the function's state
     * @throws IllegalArgumentException for a parameter the model does not accept, with a short
     *     reason that the platform error quotes
     */
    EmulatedFunction create(Map<String, String> parameters, EmulationContext context);
}
