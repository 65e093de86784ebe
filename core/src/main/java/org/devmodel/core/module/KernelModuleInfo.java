package org.devmodel.core.module;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A module's {@code .modinfo}: read by the index from the provider class without running any of its
 * code. Values must be compile-time constants, so subsystems publish alias constants (e.g. misc's
 * {@code "char-major-10-" + VFIO_MINOR}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface KernelModuleInfo {

    /** {@return the module name; {@code -} and {@code _} are the same, as in kmod, and it is shown with {@code _}} */
    String name();

    /** {@return {@code MODULE_VERSION}} */
    String version() default "";

    /** {@return {@code MODULE_DESCRIPTION}} */
    String description() default "";

    /** {@return {@code MODULE_AUTHOR}} */
    String author() default "";

    /** {@return {@code MODULE_LICENSE}} */
    String license() default "";

    /** {@return {@code MODULE_ALIAS} values, e.g. {@code char-major-10-196}, {@code devname:vfio/vfio}} */
    String[] aliases() default {};

    /** {@return {@code MODULE_SOFTDEP("pre: ...")}: modules modprobe loads before this one, if present} */
    String[] softdepPre() default {};

    /** {@return {@code MODULE_SOFTDEP("post: ...")}: modules modprobe loads after this one, if present} */
    String[] softdepPost() default {};

    /** {@return the module parameters ({@code module_param} + {@code MODULE_PARM_DESC})} */
    Param[] parameters() default {};

    /** One module parameter, as {@code modinfo} shows it. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({})
    @interface Param {
        /** {@return the parameter name} */
        String name();

        /** {@return its type} */
        ParamType type();

        /** {@return its default value, in the form {@code modprobe name=value} takes} */
        String defaultValue() default "";

        /** {@return {@code MODULE_PARM_DESC}} */
        String description() default "";
    }

    /** Parameter types, named as {@code modinfo} shows them. */
    enum ParamType {
        /** {@code bool}: Y/N, y/n, 1/0. */
        BOOL,
        /** {@code int}. */
        INT,
        /** {@code uint}. */
        UINT,
        /** {@code long}. */
        LONG,
        /** {@code ulong}. */
        ULONG,
        /** {@code charp}: a string. */
        CHARP;

        /** {@return the name modinfo shows, e.g. {@code bool}} */
        public String modinfoName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
