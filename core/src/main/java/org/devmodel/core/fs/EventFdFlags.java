package org.devmodel.core.fs;

/** The flags of {@code eventfd2(2)} ({@code include/linux/eventfd.h}, x86_64 values). */
public final class EventFdFlags {
    /** {@code EFD_SEMAPHORE}: each read takes 1 from the counter instead of all of it. */
    public static final int EFD_SEMAPHORE = 1;
    /** {@code EFD_NONBLOCK}, the value of {@code O_NONBLOCK}. */
    public static final int EFD_NONBLOCK = OpenFlags.O_NONBLOCK;
    /** {@code EFD_CLOEXEC}, the value of {@code O_CLOEXEC}. */
    public static final int EFD_CLOEXEC = OpenFlags.O_CLOEXEC;

    private EventFdFlags() {
    }
}
