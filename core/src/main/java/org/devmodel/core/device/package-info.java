/**
 * The driver model: classes and class devices with their devtmpfs nodes and sysfs entries, buses,
 * drivers, binding and notifiers, and the uevents udev receives.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.core.device;
