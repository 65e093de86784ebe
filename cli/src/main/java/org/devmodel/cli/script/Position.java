package org.devmodel.cli.script;

/**
 * Where something is in a script, as error messages show it.
 *
 * @param line the line, from 1
 * @param column the column, from 1
 */
public record Position(int line, int column) {
}
