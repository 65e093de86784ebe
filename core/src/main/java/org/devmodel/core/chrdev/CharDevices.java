package org.devmodel.core.chrdev;

import org.devmodel.core.DevT;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileOperations;

/**
 * Char-device regions and cdevs ({@code fs/char_dev.c} of v3.14). Region registration and
 * {@code cdev_add} are fault sites; the text of {@code /proc/devices} comes from here.
 */
public interface CharDevices {

    /**
     * {@code alloc_chrdev_region}: a dynamic major, the first empty hash bucket from 254 down.
     *
     * @param baseminor the first minor
     * @param count how many minors
     * @param name shown in {@code /proc/devices}
     * @return the first device number of the region
     * @throws KernelException EBUSY when no bucket is empty, or an injected fault
     */
    DevT allocRegion(int baseminor, int count, String name) throws KernelException;

    /**
     * {@code register_chrdev_region}: a static region, one chunk per major it spans.
     *
     * @param from the first device number
     * @param count how many
     * @param name shown in {@code /proc/devices}
     * @throws KernelException EBUSY on an overlap within a major, or an injected fault
     */
    void registerRegion(DevT from, int count, String name) throws KernelException;

    /**
     * {@code unregister_chrdev_region}: removes each chunk that matches exactly; others are ignored.
     *
     * @param from the first device number
     * @param count how many
     */
    void unregisterRegion(DevT from, int count);

    /**
     * {@code cdev_init} + {@code cdev_add}: maps operations over device numbers. There is no overlap
     * check; the narrowest mapping wins a lookup.
     *
     * @param dev the first device number
     * @param count how many
     * @param operations what serves them
     * @return the cdev, to pass to {@link #cdevDel}
     * @throws KernelException an injected fault (ENOMEM)
     */
    Cdev cdevAdd(DevT dev, int count, FileOperations operations) throws KernelException;

    /**
     * {@code cdev_del}: unmaps the cdev; files already open keep their operations.
     *
     * @param cdev the cdev
     */
    void cdevDel(Cdev cdev);

    /**
     * {@code register_chrdev}: a region of minors 0-255 and a cdev over it, as {@code misc_init}
     * registers major 10.
     *
     * @param major the major, or 0 for a dynamic one
     * @param name shown in {@code /proc/devices}
     * @param operations what serves the 256 minors
     * @return the major (the dynamic one when 0 was asked)
     * @throws KernelException EBUSY when the region is taken, or an injected fault
     */
    int registerChrdev(int major, String name, FileOperations operations) throws KernelException;

    /**
     * {@code unregister_chrdev}: the cdev and the region of {@link #registerChrdev}.
     *
     * @param major the major
     * @param name the name it was registered with
     */
    void unregisterChrdev(int major, String name);

    /** {@return {@code /proc/devices}, byte for byte in the kernel's format} */
    String procDevices();
}
