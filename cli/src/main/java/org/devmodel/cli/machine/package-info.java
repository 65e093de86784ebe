/**
 * What a scenario script runs on: {@link org.devmodel.cli.machine.Machine}, a model kernel
 * ({@link org.devmodel.cli.machine.ModelMachine}) or this machine's real one (package
 * {@code org.devmodel.cli.host}), and the {@link org.devmodel.cli.machine.ScriptProcess} the
 * script runs as. A command one of them cannot run fails with
 * {@link org.devmodel.cli.machine.CannotRunException} and the script stops at its line.
 */
package org.devmodel.cli.machine;
