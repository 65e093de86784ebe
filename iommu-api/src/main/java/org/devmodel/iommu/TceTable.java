package org.devmodel.iommu;

import java.util.List;
import org.devmodel.core.KernelException;
import org.devmodel.core.mem.AddressSpace;

/**
 * {@code struct iommu_table} of POWER as the VFIO sPAPR backend uses it: the TCE table of one IOMMU
 * group, whose entries translate the group's 32-bit DMA window page by page, and the functions
 * {@code arch/powerpc/kernel/iommu.c} of Linux v3.14 exports for VFIO. The table belongs to the
 * platform ({@link Iommu#registerTceTable}); a backend takes ownership of it while a container holds
 * the group, and devices of the group translate their DMA through it (a DMA outside the window, to
 * an empty entry, or a write through a read-only entry is a logged IOMMU fault).
 *
 * <p>Entries are numbered as the kernel numbers them: entry {@code n} translates the I/O addresses
 * {@code n << IOMMU_PAGE_SHIFT_4K} and up, so the window's entries run from {@link #offset} for
 * {@link #size} entries. A TCE value is a user address with the permission bits in its low bits.
 * Thread-safe.
 */
public interface TceTable {
    /** {@code IOMMU_PAGE_SHIFT_4K}: TCE pages are 4 KiB. */
    int IOMMU_PAGE_SHIFT_4K = 12;
    /** {@code IOMMU_PAGE_SIZE_4K}. */
    long IOMMU_PAGE_SIZE_4K = 1L << IOMMU_PAGE_SHIFT_4K;
    /** {@code IOMMU_PAGE_MASK_4K}: clears the offset within a TCE page. */
    long IOMMU_PAGE_MASK_4K = ~(IOMMU_PAGE_SIZE_4K - 1);
    /** {@code TCE_PCI_READ}: the device may read the page. */
    long TCE_PCI_READ = 0x1;
    /** {@code TCE_PCI_WRITE}: the device may write the page. */
    long TCE_PCI_WRITE = 0x2;

    /** {@return {@code it_group}: the group the table translates for} */
    IommuGroup group();

    /** {@return {@code it_offset}: the window's first entry (its start address in TCE pages)} */
    long offset();

    /** {@return {@code it_size}: how many entries the window has} */
    long size();

    /**
     * {@return the entries in use, lowest I/O address first, one line each as the type1 backend lists
     * its mappings: {@code 0x1000+0x1000 -> 0x7f0000000000 rw} (a page the device may only read ends
     * {@code r-}), for tools that show the kernel's state}
     */
    List<String> mappings();

    /**
     * {@code iommu_tce_put_param_check}: whether a TCE may be put at an I/O address.
     *
     * @param ioba the I/O bus address
     * @param tce the TCE value: a page-aligned user address with {@code TCE_PCI_*} bits
     * @throws KernelException EINVAL without a permission bit, for bits below the page other than
     *     the permissions, an unaligned address, or a page outside the window
     */
    void putParamCheck(long ioba, long tce) throws KernelException;

    /**
     * {@code iommu_tce_clear_param_check}: whether entries may be cleared from an I/O address on.
     *
     * @param ioba the I/O bus address
     * @param tceValue the value to clear to, which can only be 0
     * @param npages how many entries
     * @throws KernelException EINVAL for a value other than 0, an unaligned address, or a range
     *     that starts below the window or ends past it
     */
    void clearParamCheck(long ioba, long tceValue, long npages) throws KernelException;

    /**
     * {@code iommu_put_tce_user_mode}: pins the user page a TCE names ({@code get_user_pages_fast})
     * and writes the entry ({@code iommu_tce_build}). The entry lets the device read always, and
     * write unless the TCE only has {@code TCE_PCI_READ} ({@code DMA_TO_DEVICE}), as PowerNV's
     * {@code pnv_tce_build} sets the bits.
     *
     * @param mm the memory of the process the page belongs to
     * @param entry the entry
     * @param tce the TCE value
     * @throws KernelException EFAULT when no anonymous page is mapped there (a device region cannot
     *     be pinned), EBUSY when the entry is in use, EINVAL for an entry outside the window
     */
    void putTceUserMode(AddressSpace mm, long entry, long tce) throws KernelException;

    /**
     * {@code iommu_clear_tces_and_put_pages}: clears entries and unpins their pages; empty entries
     * are skipped.
     *
     * @param entry the first entry
     * @param pages how many
     */
    void clearTcesAndPutPages(long entry, long pages);

    /**
     * {@code iommu_take_ownership}: the kernel's DMA API gives the table up to a user, and every
     * entry is cleared.
     *
     * @throws KernelException EBUSY when the table is in use already ({@code it_map is not empty})
     */
    void takeOwnership() throws KernelException;

    /** {@code iommu_release_ownership}: clears every entry and gives the table back to the kernel. */
    void releaseOwnership();
}
