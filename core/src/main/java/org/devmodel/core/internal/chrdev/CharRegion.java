package org.devmodel.core.internal.chrdev;

/**
 * One registered range of char-device minors under one major: the kernel's
 * {@code struct char_device_struct} without its list link and its {@code cdev} field.
 *
 * @param major the major number, 0 to 4095
 * @param baseminor the first minor of the range
 * @param count how many minors ({@code minorct}), stored as given
 * @param name the owner's name as {@code /proc/devices} prints it, at most 63 UTF-8 bytes
 */
public record CharRegion(int major, int baseminor, int count, String name) {
}
