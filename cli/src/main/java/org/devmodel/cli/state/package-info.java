/**
 * {@code devmodel state}: the kernel's live objects a user reasons about, gathered through exported
 * APIs only (the loader, the device model, the iommu core, vfio's registry and the kernel's
 * snapshot) and shown as text or as a Graphviz graph. Nothing here is null.
 */
package org.devmodel.cli.state;
