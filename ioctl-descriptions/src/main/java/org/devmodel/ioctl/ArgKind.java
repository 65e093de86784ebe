package org.devmodel.ioctl;

import org.devmodel.core.mem.StructLayout;

/** What the third argument of an ioctl is, which says how tools decode and show it. */
public enum ArgKind {
    /** No argument is used. */
    NONE,
    /** An integer passed by value ({@code VFIO_CHECK_EXTENSION}'s extension number). */
    INT,
    /** A pointer to an {@code int} ({@code VFIO_GROUP_SET_CONTAINER}'s container fd). */
    INT_POINTER,
    /** A pointer to a NUL-terminated string ({@code VFIO_GROUP_GET_DEVICE_FD}'s device name). */
    STRING,
    /** A pointer to a struct of a given {@link StructLayout}. */
    STRUCT
}
