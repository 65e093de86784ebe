/**
 * Loadable kernel modules: the service drivers provide, their metadata, the context their
 * {@code init} gets, and module references.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.core.module;
