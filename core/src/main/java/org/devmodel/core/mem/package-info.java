/**
 * User memory and the UAPI that crosses it: a process's address space, and the ioctl numbers and C
 * struct layouts copied in and out of it. The description language tools read
 * ({@code META-INF/devmodel/ioctls}) lives in the module {@code org.devmodel.ioctl}.
 *
 * <p>Rules for the whole package: arguments and results are never null ({@code Optional} marks
 * what may be absent) and a null argument throws {@link java.lang.NullPointerException}; user
 * addresses are unsigned 64-bit values in a {@code long}; a fault on user memory is a
 * {@link org.devmodel.core.KernelException} with {@link org.devmodel.core.Errno#EFAULT}, while a
 * caller's programming mistake (unknown field name, bad width) is an
 * {@link java.lang.IllegalArgumentException}. Builders are mutable and not thread-safe; everything
 * they build is immutable.
 */
package org.devmodel.core.mem;
