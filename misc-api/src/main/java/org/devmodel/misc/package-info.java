/**
 * Misc devices ({@code include/linux/miscdevice.h}): char devices on major 10 that a driver
 * registers one minor at a time with {@link org.devmodel.misc.MiscRegistry}, the minor numbers the
 * kernel assigns, and the module aliases that make opening a misc node load its driver.
 *
 * <p>Arguments are never null; an absent value is an {@link java.util.Optional} or, for a mode, 0.
 */
package org.devmodel.misc;
