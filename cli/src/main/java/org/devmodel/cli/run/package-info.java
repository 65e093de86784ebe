/**
 * Running a parsed script against a booted kernel: one process, its NAMEs and scratch memory, the
 * process and admin commands, the strace-style trace and the expectation checks. Null is never a
 * valid argument or result.
 */
package org.devmodel.cli.run;
