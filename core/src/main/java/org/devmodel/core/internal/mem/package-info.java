/**
 * The implementation behind {@link org.devmodel.core.mem}: the areas and pages of an address space.
 * Not exported.
 *
 * <p>Nothing here is thread-safe on its own: callers hold the owning object's lock. Arguments are
 * never null.
 */
package org.devmodel.core.internal.mem;
