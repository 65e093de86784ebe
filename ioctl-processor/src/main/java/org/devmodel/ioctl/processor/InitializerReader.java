package org.devmodel.ioctl.processor;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the two initializers whose values javac cannot give as constants: a struct layout's builder
 * chain and an {@code IoctlNumber.io/ior/iow/iowr} call. Each accepts the few shapes the
 * annotation's javadoc lists and throws {@link IllegalArgumentException} naming anything else.
 */
final class InitializerReader {
    private static final Set<String> SCALARS = Set.of("u8", "u16", "u32", "u64", "s32", "s64");
    private static final Map<String, String> IOCTL_CALLS = Map.of("io", "_IO", "ior", "_IOR", "iow", "_IOW",
            "iowr", "_IOWR");

    /** Java field names of the struct layouts read so far, mapped to their C names. */
    private final Map<String, String> layouts;

    InitializerReader(Map<String, String> layouts) {
        this.layouts = layouts;
    }

    /** A struct read from a builder chain: its C name and its field lines. */
    record Struct(String name, List<String> fields) {
    }

    Struct struct(ExpressionTree initializer) {
        List<MethodInvocationTree> chain = new ArrayList<>();
        ExpressionTree tree = initializer;
        while (tree instanceof MethodInvocationTree call) {
            chain.add(0, call);
            tree = call.getMethodSelect() instanceof MemberSelectTree select ? select.getExpression() : null;
        }
        if (chain.size() < 2 || !name(chain.get(0)).equals("builder")
                || !name(chain.get(chain.size() - 1)).equals("build")) {
            throw new IllegalArgumentException("a struct layout must be StructLayout.builder(\"name\")...build()");
        }
        List<String> fields = new ArrayList<>();
        for (MethodInvocationTree call : chain.subList(1, chain.size() - 1)) {
            List<? extends ExpressionTree> args = call.getArguments();
            String method = name(call);
            if (SCALARS.contains(method)) {
                fields.add(method + " " + string(args.get(0)));
            } else if (method.equals("field")) {
                fields.add(element(args.get(1)) + " " + string(args.get(0)));
            } else if (method.equals("flexibleArray")) {
                fields.add(element(args.get(1)) + " " + string(args.get(0)) + "[]");
            } else if (method.equals("hint") && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + "  " + hint(args.get(0)));
            } else {
                throw new IllegalArgumentException("unsupported call " + method + " in a struct layout");
            }
        }
        return new Struct(string(chain.get(0).getArguments().get(0)), fields);
    }

    /** {@return {@code _IOWR(TYPE, NR, struct)} and its kin for an {@code IoctlNumber} call} */
    String ioctlNumber(ExpressionTree initializer) {
        if (!(initializer instanceof MethodInvocationTree call) || !IOCTL_CALLS.containsKey(name(call))) {
            throw new IllegalArgumentException(
                    "an ioctl number must be a constant or an IoctlNumber.io/ior/iow/iowr call");
        }
        List<String> args = new ArrayList<>();
        for (ExpressionTree arg : call.getArguments()) {
            args.add(term(arg));
        }
        return IOCTL_CALLS.get(name(call)) + "(" + String.join(", ", args) + ")";
    }

    private String term(ExpressionTree arg) {
        if (arg instanceof LiteralTree literal && literal.getValue() instanceof Character c) {
            return "'" + c + "'";
        }
        if (arg instanceof LiteralTree literal && literal.getValue() instanceof Number n) {
            return n.toString();
        }
        if (arg instanceof IdentifierTree id) {
            return id.getName().toString();
        }
        if (arg instanceof MethodInvocationTree size && name(size).equals("size")
                && size.getMethodSelect() instanceof MemberSelectTree select
                && layouts.containsKey(simpleName(select.getExpression()))) {
            return layouts.get(simpleName(select.getExpression()));
        }
        throw new IllegalArgumentException("unsupported ioctl number argument " + arg);
    }

    private String element(ExpressionTree type) {
        String simple = simpleName(type);
        String scalar = simple.toLowerCase(Locale.ROOT);
        if (SCALARS.contains(scalar)) {
            return scalar;
        }
        if (layouts.containsKey(simple)) {
            return "struct " + layouts.get(simple);
        }
        throw new IllegalArgumentException("unknown element type " + type);
    }

    private static String hint(ExpressionTree hint) {
        if (hint instanceof MethodInvocationTree call && name(call).equals("flags")) {
            return "flags=" + string(call.getArguments().get(0));
        }
        return switch (simpleName(hint)) {
            case "HEX" -> "hex";
            case "DECIMAL" -> "dec";
            default -> throw new IllegalArgumentException("unknown display hint " + hint);
        };
    }

    private static String name(MethodInvocationTree call) {
        return simpleName(call.getMethodSelect());
    }

    private static String simpleName(ExpressionTree tree) {
        if (tree instanceof MemberSelectTree select) {
            return select.getIdentifier().toString();
        }
        if (tree instanceof IdentifierTree id) {
            return id.getName().toString();
        }
        throw new IllegalArgumentException("expected a name, found " + tree);
    }

    private static String string(ExpressionTree tree) {
        if (tree instanceof LiteralTree literal && literal.getValue() instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("expected a string literal, found " + tree);
    }
}
