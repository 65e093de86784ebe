package org.devmodel.core.fs;

/** The type of an inode, with its {@code S_IFMT} bits. */
public enum FileType {
    /** {@code S_IFREG}. */
    REGULAR(0100000, '-'),
    /** {@code S_IFDIR}. */
    DIRECTORY(0040000, 'd'),
    /** {@code S_IFCHR}. */
    CHAR_DEVICE(0020000, 'c'),
    /** {@code S_IFBLK}. */
    BLOCK_DEVICE(0060000, 'b'),
    /** {@code S_IFLNK}. */
    SYMLINK(0120000, 'l');

    private final int bits;
    private final char letter;

    FileType(int bits, char letter) {
        this.bits = bits;
        this.letter = letter;
    }

    /** {@return the {@code S_IFMT} bits of this type} */
    public int bits() {
        return bits;
    }

    /** {@return the letter {@code ls -l} shows first: {@code c} for a char device} */
    public char letter() {
        return letter;
    }

    /** {@return whether inodes of this type carry a device number} */
    public boolean isDevice() {
        return this == CHAR_DEVICE || this == BLOCK_DEVICE;
    }
}
