package org.devmodel.pci.emul;

import java.util.List;

/**
 * The state of one emulated function, as its model created it: its config-space identity, its
 * memory BARs with their register handlers, and whether it can be reset.
 */
public interface EmulatedFunction {

    /** {@return the power-on identity of its config space; read once, when the function is created} */
    ConfigHeader header();

    /** {@return its memory BARs; read once, when the function is created} */
    List<EmulatedBar> bars();

    /** {@return whether it has a function-level reset method (FLR or PM reset)} */
    boolean hasResetMethod();

    /**
     * Returns the device's internal state to power-on. Called only when {@link #hasResetMethod()};
     * the PCI core resets config space itself.
     */
    void reset();
}
