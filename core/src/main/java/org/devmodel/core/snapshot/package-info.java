/**
 * Snapshots of kernel-owned state and their differences, with the SPI subsystems use to contribute
 * their own sections.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.core.snapshot;
