/**
 * The kernel module {@code hello}: a sample third-party misc driver, written only against the
 * exported APIs of core and misc. It exports nothing; the module loader finds it as a service.
 *
 * @provides org.devmodel.core.module.KernelModule {@code hello}: {@code /dev/hello} (10:245) and
 *     {@code /dev/hello_dyn} (a dynamic misc minor)
 */
module org.example.hello {
    requires org.devmodel.misc;
    // @IoctlDescriptions on HelloUapi, for the annotation processor that writes META-INF/devmodel/ioctls
    requires static org.devmodel.ioctl;

    provides org.devmodel.core.module.KernelModule with org.example.hello.Hello;
}
