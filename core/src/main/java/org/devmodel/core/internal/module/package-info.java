/**
 * The module loader: depmod's index of the kernel modules in the boot layer and a modules
 * directory, its text files, modprobe and rmmod with module states and references, and one
 * {@code ModuleLayer} per module loaded from the modules directory.
 *
 * <p>Arguments are never null. Module names are kept normalised ({@code vfio_pci}).
 */
package org.devmodel.core.internal.module;
