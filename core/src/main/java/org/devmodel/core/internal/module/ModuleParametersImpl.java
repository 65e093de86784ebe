package org.devmodel.core.internal.module;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.internal.module.ModInfo.ParamInfo;
import org.devmodel.core.module.ModuleParameters;

/**
 * A loaded module's parameter values: the declared defaults overridden by {@code modprobe}'s
 * {@code param=value} words, checked as {@code parse_args} checks them. Immutable.
 */
final class ModuleParametersImpl implements ModuleParameters {
    private final Map<String, String> values = new LinkedHashMap<>();

    /**
     * @param module the module
     * @param given values from {@code modprobe}; a bare {@code param} sets a bool to Y
     * @throws KernelException EINVAL for an unknown parameter or a value its type rejects
     */
    ModuleParametersImpl(ModInfo module, Map<String, String> given) throws KernelException {
        for (String name : given.keySet()) {
            if (module.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw new KernelException(Errno.EINVAL, module.name() + ": Unknown parameter '" + name + "'");
            }
        }
        for (ParamInfo p : module.parameters()) {
            String raw = given.getOrDefault(p.name(), p.defaultValue());
            values.put(p.name(), canonical(module.name(), p, raw));
        }
    }

    private static String canonical(String module, ParamInfo p, String raw) throws KernelException {
        try {
            return switch (p.type()) {
                case BOOL -> parseBool(raw);
                case INT -> Integer.toString(Integer.parseInt(raw));
                case UINT -> Integer.toUnsignedString(Integer.parseUnsignedInt(raw));
                case LONG -> Long.toString(Long.parseLong(raw));
                case ULONG -> Long.toUnsignedString(Long.parseUnsignedLong(raw));
                case CHARP -> raw;
            };
        } catch (IllegalArgumentException e) {
            throw new KernelException(Errno.EINVAL, module + ": '" + raw + "' invalid for parameter '" + p.name() + "'");
        }
    }

    /** {@code param_set_bool}: Y, y, 1 and an empty value are true; N, n, 0 false. */
    private static String parseBool(String raw) {
        return switch (raw) {
            case "", "Y", "y", "1" -> "Y";
            case "N", "n", "0" -> "N";
            default -> throw new IllegalArgumentException(raw);
        };
    }

    private String value(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("undeclared parameter: " + name);
        }
        return v;
    }

    @Override
    public boolean bool(String name) {
        return value(name).equals("Y");
    }

    @Override
    public long integer(String name) {
        return new BigInteger(value(name)).longValue();
    }

    @Override
    public String text(String name) {
        return value(name);
    }

    @Override
    public Map<String, String> all() {
        return Map.copyOf(values);
    }
}
