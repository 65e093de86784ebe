/**
 * Ioctl descriptions: constants, constant sets, struct layouts and ioctls read from a module's
 * {@value org.devmodel.ioctl.IoctlTable#RESOURCE}, with lookups by name and by number.
 *
 * <p>Rules for the whole package: arguments and results are never null ({@code Optional} marks
 * what may be absent) and a null argument throws {@link java.lang.NullPointerException}; a
 * malformed description is an {@link IoctlFormatException} naming source and line. Everything is
 * immutable.
 */
package org.devmodel.ioctl;
