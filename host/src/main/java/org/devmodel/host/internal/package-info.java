/**
 * The implementation of {@link org.devmodel.host}: loading libc, decoding {@code struct stat},
 * turning {@code errno} into {@link org.devmodel.core.Errno}. Not exported.
 */
package org.devmodel.host.internal;
