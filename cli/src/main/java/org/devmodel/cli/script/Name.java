package org.devmodel.cli.script;

/**
 * A NAME as written in a script: an fd name or a buffer name, resolved at run time.
 *
 * @param text the name
 * @param position where it is written, for "unknown name" errors
 */
public record Name(String text, Position position) {
}
