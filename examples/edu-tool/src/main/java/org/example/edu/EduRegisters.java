package org.example.edu;

/**
 * edu's BAR0 registers and bits, from QEMU's {@code docs/specs/edu.txt}: what a C driver would
 * {@code #define}. Registers below 0x80 take 4-byte accesses only, the DMA registers 4 or 8.
 */
public final class EduRegisters {
    /** Identification (RO): {@code 0xRRrr00ed}, major and minor version. */
    public static final int IDENTIFICATION = 0x00;
    /** Liveness check (RW): reads back the bitwise inverse of what was written. */
    public static final int LIVENESS = 0x04;
    /** Factorial (RW): writing n starts computing n!, read it back when done. */
    public static final int FACTORIAL = 0x08;
    /** Status (RW): {@link #STATUS_COMPUTING}, {@link #STATUS_IRQ_FACTORIAL}. */
    public static final int STATUS = 0x20;
    /** Interrupt status (RO): the raised bits, {@link #IRQ_FACTORIAL} and {@link #IRQ_DMA}. */
    public static final int IRQ_STATUS = 0x24;
    /** Interrupt acknowledge (WO): clears the bits written. */
    public static final int IRQ_ACK = 0x64;
    /** DMA source address, 64 bits. */
    public static final int DMA_SOURCE = 0x80;
    /** DMA destination address, 64 bits. */
    public static final int DMA_DESTINATION = 0x88;
    /** DMA transfer count, 64 bits. */
    public static final int DMA_COUNT = 0x90;
    /** DMA command, 64 bits: {@link #DMA_RUN}, {@link #DMA_TO_RAM}, {@link #DMA_RAISE_IRQ}. */
    public static final int DMA_COMMAND = 0x98;

    /** STATUS: a factorial is being computed. */
    public static final int STATUS_COMPUTING = 0x01;
    /** STATUS: raise an interrupt when a factorial is done. */
    public static final int STATUS_IRQ_FACTORIAL = 0x80;
    /** IRQ_STATUS: a factorial is done. */
    public static final int IRQ_FACTORIAL = 0x001;
    /** IRQ_STATUS: a DMA transfer is done. */
    public static final int IRQ_DMA = 0x100;
    /** DMA command: start the transfer. */
    public static final long DMA_RUN = 0x1;
    /** DMA command: from edu's buffer to RAM (clear: RAM to the buffer). */
    public static final long DMA_TO_RAM = 0x2;
    /** DMA command: raise {@link #IRQ_DMA} when done. */
    public static final long DMA_RAISE_IRQ = 0x4;
    /** Where edu's DMA buffer sits in its own address space. */
    public static final long DMA_BUFFER = 0x40000;
    /** The size of edu's DMA buffer. */
    public static final int DMA_BUFFER_SIZE = 4096;

    private EduRegisters() {
    }
}
