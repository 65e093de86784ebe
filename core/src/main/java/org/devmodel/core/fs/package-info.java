/**
 * The VFS as drivers and subsystems see it: inodes, open files and their operations, devtmpfs and
 * the path namespace.
 *
 * <p>Arguments are never null unless a parameter says otherwise. Permission bits are given as
 * octal {@code int}s ({@code 0666}).
 */
package org.devmodel.core.fs;
