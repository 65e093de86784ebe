package org.devmodel.core.fs;

/**
 * What a process asked {@code mmap} to map from a file ({@code vm_pgoff}, the vma's length).
 *
 * @param offset the file offset, page aligned
 * @param length the length in bytes, page aligned
 * @param writable whether the mapping was asked for with {@code PROT_WRITE}
 * @param shared whether it was asked for with {@code MAP_SHARED} ({@code VM_SHARED}) rather than
 *     {@code MAP_PRIVATE}
 */
public record MmapRequest(long offset, long length, boolean writable, boolean shared) {
}
