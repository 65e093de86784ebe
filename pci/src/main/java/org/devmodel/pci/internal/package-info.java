/**
 * The PCI core's implementation: the built-in subsystem, functions and their config space, the
 * driver adapter, the host-driver stubs and the {@code host} model. Not exported.
 */
package org.devmodel.pci.internal;
