/**
 * The kernel log ({@code printk}, {@code dmesg}) and the kernel's virtual clock.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.core.log;
