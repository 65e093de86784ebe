/**
 * The libc functions devmodel's host bridge calls, as jnr-ffi binds them. Exported to everyone
 * only because jnr-ffi generates the implementation in a module of its own; use
 * {@link org.devmodel.host.HostSyscalls} instead.
 */
package org.devmodel.host.libc;
