package org.devmodel.cli.conform;

import java.util.List;

/**
 * What the guest sent back.
 *
 * @param trace the scenario's output, standard output and error interleaved as printed
 * @param status the exit status of the run in the guest
 * @param groups the group table
 * @param devices the guest's {@code /proc/devices} after the run, the script's modules loaded
 * @param times seconds since the guest's boot at each stage: {@code stage2}, {@code run}, {@code done}
 */
record GuestResult(List<String> trace, int status, GroupTable groups, List<String> devices, List<String> times) {
}
