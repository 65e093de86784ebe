/**
 * The annotation processor that writes a module's {@code META-INF/devmodel/ioctls} from its
 * {@code @IoctlDescriptions} classes at compile time. Used from {@code annotationProcessorPaths}
 * (javac's processor path, where the service file finds it); it knows the annotations by name, so
 * it depends on nothing but the compiler. Exports nothing.
 */
module org.devmodel.ioctl.processor {
    requires java.compiler;
    requires jdk.compiler;

    provides javax.annotation.processing.Processor
            with org.devmodel.ioctl.processor.IoctlDescriptionsProcessor;
}
