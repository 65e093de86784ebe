package org.devmodel.core.fs;

/**
 * What a process asked {@code mmap} to map from a file ({@code vm_pgoff}, the vma's length).
 *
 * @param offset the file offset, page aligned
 * @param length the length in bytes, page aligned
 * @param writable whether the mapping was asked for with {@code PROT_WRITE}
 */
public record MmapRequest(long offset, long length, boolean writable) {
}
