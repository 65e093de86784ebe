/**
 * The kernel's implementation: not exported. Subpackages hold each subsystem's implementation behind
 * the exported interfaces of {@code org.devmodel.core}.
 */
package org.devmodel.core.internal;
