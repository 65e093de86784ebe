/**
 * The model kernel's entry points: {@link org.devmodel.core.Kernel} (boot one with
 * {@link org.devmodel.core.KernelOptions}), device numbers, errno values and the exception that
 * carries one, the kernel command line, and the SPI of built-in subsystems.
 *
 * <p>Arguments are never null unless a parameter says otherwise. Kernel calls that can fail as in
 * Linux throw {@link org.devmodel.core.KernelException}; caller mistakes the kernel would never see
 * are {@link java.lang.IllegalArgumentException} or {@link java.lang.NullPointerException}.
 */
package org.devmodel.core;
