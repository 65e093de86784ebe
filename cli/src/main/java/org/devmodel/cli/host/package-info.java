/**
 * {@code --host}: scenario scripts run on this machine's real kernel through the host bridge, with
 * the script's fds renumbered as the model numbers them, a bounded wait where a call would block,
 * and admin commands that act on the real system.
 */
package org.devmodel.cli.host;
