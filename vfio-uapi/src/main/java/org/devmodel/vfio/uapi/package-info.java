/**
 * The VFIO UAPI of {@code include/uapi/linux/vfio.h} as it stood in Linux v3.14: ioctl numbers,
 * extension and IOMMU type constants, flag bits, vfio-pci region and IRQ indices, and the C layout
 * of every struct. The annotation processor of {@code devmodel-ioctl-processor} writes the same
 * declarations into the module's {@code META-INF/devmodel/ioctls} at compile time, for tools that
 * must not load the module's classes; {@code VfioIoctls} and {@code VfioStructs} are its only source.
 *
 * <p>Everything here is a constant; nothing in the package changes.
 */
package org.devmodel.vfio.uapi;
