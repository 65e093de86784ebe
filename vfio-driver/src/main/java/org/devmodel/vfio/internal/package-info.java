/**
 * The {@code vfio} kernel module ({@code drivers/vfio/vfio.c} of v3.14): the module class
 * {@link org.devmodel.vfio.internal.Vfio}, its containers, groups and devices, and the file
 * operations of the container, group and device fds. Not exported.
 *
 * <p>Lock order, outermost first, as in vfio.c: a container's group lock, then
 * {@code iommu_drivers_lock} or {@code group_lock}, then a group's device lock. The release
 * queue's lock is taken alone.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.vfio.internal;
