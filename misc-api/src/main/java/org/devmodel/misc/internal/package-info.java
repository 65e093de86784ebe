/**
 * The built-in misc subsystem: {@code misc_init}, {@code misc_register}, {@code misc_deregister},
 * {@code misc_open}, {@code misc_devnode} and {@code /proc/misc}. Not exported: drivers see only
 * {@link org.devmodel.misc}.
 */
package org.devmodel.misc.internal;
