/** The iommu core's implementation, started at boot as a built-in subsystem. Not exported. */
package org.devmodel.iommu.internal;
