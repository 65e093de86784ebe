package org.devmodel.pci.internal.platform;

import java.util.List;
import java.util.Map;
import org.devmodel.iommu.IommuModel;

/**
 * A parsed platform description.
 *
 * @param iommu the machine's IOMMU model ({@code iommu=}, {@link IommuModel#DOMAINS} when absent)
 * @param functions the functions, in file order
 * @param windows on an {@link IommuModel#SPAPR_TCE} machine the DMA window of every group, by group
 *     id in order of first appearance; empty otherwise
 */
public record Platform(IommuModel iommu, List<FunctionSpec> functions, Map<Integer, TceWindow> windows) {
}
