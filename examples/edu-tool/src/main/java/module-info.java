/**
 * A userspace driver for QEMU's {@code edu} device and a command-line tool around it, written as a
 * user of devmodel would: the driver ({@code Edu}) only against the VFIO client, so its tests run
 * it on the model kernel; the tool ({@code EduTool}) runs it on this machine's kernel through the
 * host bridge.
 */
module org.example.edu {
    requires org.devmodel.vfio.client;
    requires org.devmodel.host;

    exports org.example.edu;
}
