/**
 * What the {@code vfio} module exports to other kernel modules ({@code EXPORT_SYMBOL_GPL} of
 * {@code drivers/vfio/vfio.c}): bus drivers hand their devices to VFIO with
 * {@link org.devmodel.vfio.VfioRegistry#addGroupDev} and serve the device fds through
 * {@link org.devmodel.vfio.VfioDeviceOps}; IOMMU backends register with
 * {@link org.devmodel.vfio.VfioRegistry#registerIommuDriver}.
 *
 * <p>A module using these must depend on {@code vfio} (so the loader loads {@code vfio} first and
 * refuses to unload it while the user is loaded) and reach it from its {@code init} with
 * {@code context.dependency(VfioRegistry.class)}, which the loader resolves to the registry the
 * live {@code vfio} exported.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.vfio;
