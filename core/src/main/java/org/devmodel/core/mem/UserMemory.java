package org.devmodel.core.mem;

import org.devmodel.core.KernelException;

/**
 * User memory as a program sees it: bytes and little-endian integers at addresses, and anonymous
 * mappings to hold them. The model's {@link AddressSpace} implements it, and so does a real
 * process's memory (devmodel's host bridge), so code that lays out an ioctl struct with
 * {@code StructLayout} runs unchanged against either side.
 *
 * <p>A bad address is {@link org.devmodel.core.Errno#EFAULT} where the implementation can tell;
 * real memory cannot, so there it is a caller's bug.
 */
public interface UserMemory {

    /**
     * Reads bytes.
     *
     * @param from the address
     * @param n how many bytes
     * @return the bytes
     * @throws KernelException EFAULT if a byte of the range is unmapped
     */
    byte[] copyFromUser(long from, int n) throws KernelException;

    /**
     * Writes bytes.
     *
     * @param to the address
     * @param from the bytes
     * @throws KernelException EFAULT if a byte of the range is unmapped
     */
    void copyToUser(long to, byte[] from) throws KernelException;

    /**
     * Loads a little-endian value of 1, 2, 4 or 8 bytes, zero-extended.
     *
     * @param address the address
     * @param size the width in bytes
     * @return the value
     * @throws KernelException EFAULT if a byte is unmapped
     */
    long load(long address, int size) throws KernelException;

    /**
     * Stores the low 1, 2, 4 or 8 bytes of a value, little-endian.
     *
     * @param address the address
     * @param size the width in bytes
     * @param value the value
     * @throws KernelException EFAULT if a byte is unmapped
     */
    void store(long address, int size, long value) throws KernelException;

    /**
     * Maps anonymous, zero-filled, readable and writable memory.
     *
     * @param length the length in bytes, rounded up to whole pages
     * @return the start address
     * @throws KernelException EINVAL for a length that is not positive, ENOMEM
     */
    long mmap(long length) throws KernelException;

    /**
     * Unmaps whole pages.
     *
     * @param address the start, page aligned
     * @param length the length
     * @throws KernelException EINVAL for an unaligned address or a length that is not positive
     */
    void munmap(long address, long length) throws KernelException;
}
