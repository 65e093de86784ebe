/**
 * The annotation processor behind {@code @IoctlDescriptions}: reads UAPI declarations (constant
 * values, and the source trees of struct layout builders and ioctl number calls) and writes the
 * module's {@code META-INF/devmodel/ioctls}. Not an API: only javac calls it.
 */
package org.devmodel.ioctl.processor;
