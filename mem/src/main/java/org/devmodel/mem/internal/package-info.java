/**
 * {@code drivers/char/mem.c} of v3.14: char major 1 and the memory devices {@code null},
 * {@code zero}, {@code full}, {@code random} and {@code urandom}, built in and started at
 * {@code fs_initcall}. Not exported: userspace reaches them through their nodes.
 */
package org.devmodel.mem.internal;
