/**
 * The char-device number registry and device map of Linux v3.14: {@code fs/char_dev.c}'s
 * {@code chrdevs[]} regions and {@code drivers/base/map.c}'s {@code kobj_map}, reproduced with
 * their quirks.
 *
 * <p>Rules for the whole package: arguments are never null; a {@link org.devmodel.core.DevT}
 * stands for the kernel's 32-bit {@code dev_t}; kernel errors are
 * {@link org.devmodel.core.KernelException}s carrying the kernel's errno, while values the C API
 * cannot even express (a negative count, a range running past the last {@code dev_t}) are
 * {@link IllegalArgumentException}s. Every class is thread-safe and holds no static mutable
 * state, so each {@code Kernel} owns its own instances.
 */
package org.devmodel.core.internal.chrdev;
