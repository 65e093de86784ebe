package org.devmodel.ioctl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of UAPI declarations (a C header's ioctl numbers, constants and struct layouts) from
 * which the annotation processor of {@code devmodel-ioctl-processor} writes the module's
 * {@value IoctlTable#RESOURCE}, so each ioctl is written once, in Java.
 *
 * <p>In a marked class every {@code static final} field becomes a statement of the file, in
 * declaration order within its kind (constants, sets, structs, ioctls):
 *
 * <ul>
 *   <li>an integer constant annotated {@link Ioctl} becomes an {@code ioctl}; its number is the
 *       field's value, or for {@code IoctlNumber.io/ior/iow/iowr(...)} the matching {@code _IO...}
 *       expression;
 *   <li>an integer constant annotated {@link InSet} becomes a member of that constant set;
 *   <li>any other integer constant becomes a {@code const};
 *   <li>a {@code StructLayout} field becomes a {@code struct}, read from its builder chain
 *       ({@code builder("name")}, {@code u8} to {@code s64}, {@code hint(HEX)},
 *       {@code hint(DisplayHint.flags("SET"))}, {@code flexibleArray}, {@code build()}); any other
 *       initializer is a compile error.
 * </ul>
 *
 * <p>Source retention: the annotations are gone from the class files, so a module needs this one
 * only at compile time ({@code requires static org.devmodel.ioctl}).
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface IoctlDescriptions {
}
