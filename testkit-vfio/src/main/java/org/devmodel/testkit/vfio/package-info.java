/**
 * The VFIO IOMMU backend contract: the adapter a backend author implements, the session its
 * methods get, and the shared tests.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.testkit.vfio;
