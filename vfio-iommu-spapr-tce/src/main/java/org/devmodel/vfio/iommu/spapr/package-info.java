/**
 * The {@code vfio_iommu_spapr_tce} module: its {@code init} and {@code exit}, the backend's ops and
 * the per-container state. Not exported.
 */
package org.devmodel.vfio.iommu.spapr;
