package org.devmodel.ioctl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an ioctl number constant of an {@link IoctlDescriptions} class as an ioctl, with the
 * file kind and argument of an {@code ioctl} line of {@value IoctlTable#RESOURCE}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.FIELD)
public @interface Ioctl {
    /** {@return the kind of file the ioctl applies to, a free word such as {@code container}} */
    String file();

    /**
     * {@return the argument as the format writes it: {@code none}, {@code int [values=SET]},
     * {@code int*}, {@code string} or {@code struct NAME [array=FLAG:ELEM,...]}}
     */
    String arg();
}
