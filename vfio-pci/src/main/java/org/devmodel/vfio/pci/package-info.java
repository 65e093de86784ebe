/**
 * vfio-pci, laid out as its v3.14 sources: {@code VfioPci} is {@code vfio_pci.c} (module, PCI
 * driver, device fd ops and ioctls), {@code VfioPciConfig} is {@code vfio_pci_config.c} (virtualised
 * config space), {@code VfioPciIntrs} is {@code vfio_pci_intrs.c} (INTx and MSI through eventfds),
 * {@code VfioPciRdwr} is {@code vfio_pci_rdwr.c} (BAR access). Nothing here is exported; arguments
 * are non-null unless a parameter says otherwise.
 */
package org.devmodel.vfio.pci;
