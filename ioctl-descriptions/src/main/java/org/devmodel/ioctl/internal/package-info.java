/** The reader of the ioctl description format documented on {@link org.devmodel.ioctl.IoctlTable}. Not exported. */
package org.devmodel.ioctl.internal;
