/**
 * Processes as the kernel sees them: tasks with credentials, limits and fd tables, and the system
 * calls they make.
 *
 * <p>Arguments are never null unless a parameter says otherwise.
 */
package org.devmodel.core.proc;
