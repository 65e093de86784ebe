/**
 * Fault sites, the resource ledger and fault injection: every acquisition a driver makes through the
 * kernel passes a named site a test can make fail, and is recorded with its owner and its parent call.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.core.fault;
