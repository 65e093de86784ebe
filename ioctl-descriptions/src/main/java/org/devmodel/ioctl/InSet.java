package org.devmodel.ioctl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an integer constant of an {@link IoctlDescriptions} class a member of a constant set (the
 * bits of one flags field, or the values one argument takes); members keep declaration order.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface InSet {
    /** {@return the set's name, e.g. {@code VFIO_GROUP_FLAGS}} */
    String value();
}
