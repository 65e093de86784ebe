/**
 * The iommu core: IOMMU groups, their notifiers, domains and DMA translation.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.iommu;
