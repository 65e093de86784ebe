package org.devmodel.testkit.vfio;

/**
 * I/O virtual addresses a container's devices may use: where the contract maps its buffers.
 *
 * @param start the first address, page-aligned
 * @param size the length in bytes, at least two pages (the contract maps the first and faults on
 *     the second)
 */
public record DmaWindow(long start, long size) {
}
