/**
 * The scenario language: tokens, the parsed form of a script and the parser that resolves names
 * against an ioctl table. Nothing here touches a kernel. Null is never a valid argument or result.
 */
package org.devmodel.cli.script;
