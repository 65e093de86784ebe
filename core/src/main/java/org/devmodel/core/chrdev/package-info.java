/**
 * Char-device regions and cdevs: which device numbers are taken and which file operations serve them.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.core.chrdev;
