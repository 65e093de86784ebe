/**
 * devmodel's bridge to the machine's real kernel: {@link org.devmodel.host.HostSyscalls} is the
 * same {@code Syscalls} face as a model process's, over glibc bound with jnr-ffi;
 * {@link org.devmodel.host.NativeMemory} is real memory behind the same {@code UserMemory} face
 * as a model address space; {@link org.devmodel.host.HostPlatform} turns the machine's
 * {@code /sys/bus/pci/devices} into a platform file the model boots on.
 */
package org.devmodel.host;
