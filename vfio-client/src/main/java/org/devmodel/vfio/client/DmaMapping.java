package org.devmodel.vfio.client;

/**
 * A DMA mapping made with {@link Container#mapDma}: the device sees {@code size} bytes of the
 * process's memory at {@code vaddr} at the I/O virtual address {@code iova}. It lasts until
 * {@link Container#unmapDma(DmaMapping)} or until the container's last group leaves it.
 *
 * @param vaddr the address in the process
 * @param iova the address the device uses
 * @param size the length in bytes
 * @param access what the device may do
 */
public record DmaMapping(long vaddr, long iova, long size, DmaAccess access) {
}
