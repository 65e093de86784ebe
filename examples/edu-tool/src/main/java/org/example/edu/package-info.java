/**
 * A userspace driver for QEMU's {@code edu} device ({@link org.example.edu.Edu}) written only
 * against devmodel's VFIO client, and a command-line tool around it ({@link org.example.edu.EduTool}).
 */
package org.example.edu;
