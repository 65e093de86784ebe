package org.devmodel.core.internal.module;

import java.util.regex.Pattern;

/**
 * An alias as modprobe matches it: a shell wildcard pattern ({@code fnmatch} with {@code *},
 * {@code ?} and {@code [...]}), compared after {@code -}/{@code _} normalisation as kmod does.
 */
final class AliasPattern {
    private final String alias;
    private final Pattern pattern;

    /**
     * @param alias the alias as the module declares it
     */
    AliasPattern(String alias) {
        this.alias = alias;
        this.pattern = Pattern.compile(toRegex(alias));
    }

    /** kmod's {@code alias_normalize}: {@code -} becomes {@code _} except inside a bracket expression. */
    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        boolean inClass = false;
        for (char c : glob.toCharArray()) {
            if (inClass) {
                regex.append(c == '\\' ? "\\\\" : String.valueOf(c));
                inClass = c != ']';
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                regex.append('[');
                inClass = true;
            } else {
                regex.append(Pattern.quote(String.valueOf(c == '-' ? '_' : c)));
            }
        }
        return regex.toString();
    }

    /**
     * {@return whether a requested name matches}
     *
     * @param requested what was asked for
     */
    boolean matches(String requested) {
        return pattern.matcher(ModuleNames.normalise(requested)).matches();
    }

    /** {@return the alias as declared} */
    String alias() {
        return alias;
    }

    /**
     * {@return why an alias cannot go into {@code modules.alias}, or null when it can}
     *
     * @param alias a declared alias
     */
    static String problem(String alias) {
        if (alias.isEmpty()) {
            return "empty alias";
        }
        if (alias.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "alias '" + alias + "' contains white space";
        }
        if (alias.chars().filter(c -> c == '[').count() != alias.chars().filter(c -> c == ']').count()) {
            return "alias '" + alias + "' has an unbalanced [";
        }
        return null;
    }
}
