/**
 * {@code devmodel conform FILE}: runs a scenario on the model and in a QEMU guest booting a real
 * Linux kernel with VFIO, and prints the two traces side by side, translating what legitimately
 * differs (IOMMU group numbers, dynamic char majors, addresses the kernel chose) and labelling
 * what differs because of the kernel's age ("era", from {@code eras.txt}). Not exported. Null is
 * never a valid argument or result.
 */
package org.devmodel.cli.conform;
