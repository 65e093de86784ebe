package org.devmodel.cli.conform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.devmodel.pci.PciAddress;

/**
 * The QEMU command line that mirrors a platform: a q35 machine with VT-d (interrupt remapping on,
 * so VFIO needs no unsafe interrupts), QEMU's {@code edu} for each {@code edu} function and
 * {@code pci-serial} (held by the built-in 8250_pci driver) for each {@code host} function, at
 * the same slot and function. Bus 0's functions sit on the root complex; bus N's behind the N-th
 * PCIe root port, which the firmware numbers N since the ports come in slot order. The host's root
 * is shared read-only over 9p (tag {@code hostroot}) and the result directory read-write (tag
 * {@code out}).
 *
 * <p>One vCPU: with two, edu's MSI can reach the vCPU that does not run the scenario later than
 * the timer that ends the scenario's {@code sleep} wakes it (the host is loaded, each vCPU is a
 * host thread), and a {@code read} of the interrupt's eventfd after {@code sleep 100ms} finds
 * nothing; with one, the interrupt that came first is taken first.
 */
final class QemuMachine {
    /** q35's own functions on bus 0: the host bridge and the ICH9 LPC/SATA/SMBus slot. */
    private static final int HOST_BRIDGE_SLOT = 0;
    private static final int ICH9_SLOT = 0x1f;
    private static final Map<String, String> DEVICES = Map.of("edu", "edu", "host", "pci-serial");

    private QemuMachine() {
    }

    /**
     * {@return QEMU's arguments after the binary}
     *
     * @param setup what the set-up installed
     * @param functions the platform's functions
     * @param out the result directory
     * @throws GuestFailure when the platform cannot be mirrored (a domain other than 0, a function
     *     behind a root port at a slot other than 0, an unknown device model, no free slot)
     */
    static List<String> arguments(ConformSetup setup, List<PlatformFunction> functions, Path out)
            throws GuestFailure {
        List<String> args = new ArrayList<>(List.of("-accel", setup.accel(), "-machine", "q35", "-smp", "1",
                "-m", "1024", "-display", "none", "-vga", "none", "-nodefaults", "-no-reboot",
                "-serial", "file:" + out.resolve("console.log"),
                "-device", "intel-iommu,intremap=on",
                "-kernel", setup.kernel().toString(), "-initrd", setup.initramfs().toString(),
                "-append", "console=ttyS0 intel_iommu=on panic=-1 quiet"));
        TreeSet<Integer> freeSlots = new TreeSet<>();
        for (int slot = HOST_BRIDGE_SLOT + 1; slot < ICH9_SLOT; slot++) {
            freeSlots.add(slot);
        }
        int buses = 0;
        for (PlatformFunction function : functions) {
            PciAddress at = function.address();
            check(function);
            if (at.bus() == 0) {
                freeSlots.remove(at.slot());
            }
            buses = Math.max(buses, at.bus());
        }
        for (int bus = 1; bus <= buses; bus++) {
            args.addAll(List.of("-device", String.format("pcie-root-port,id=rp%d,chassis=%d,slot=%d,addr=%02x.0",
                    bus, bus, bus, take(freeSlots))));
        }
        Map<String, Long> perSlot = functions.stream().collect(Collectors.groupingBy(
                f -> f.address().bus() + ":" + f.address().slot(), TreeMap::new, Collectors.counting()));
        for (PlatformFunction function : functions) {
            PciAddress at = function.address();
            String place = (at.bus() == 0 ? "" : "bus=rp" + at.bus() + ",")
                    + String.format("addr=%02x.%d", at.slot(), at.function());
            boolean multifunction = at.function() == 0 && perSlot.get(at.bus() + ":" + at.slot()) > 1;
            args.addAll(List.of("-device", DEVICES.get(function.model()) + "," + place
                    + (multifunction ? ",multifunction=on" : "")));
        }
        args.addAll(List.of("-fsdev", "local,id=hostroot,path=/,readonly=on,security_model=none,multidevs=remap",
                "-device", String.format("virtio-9p-pci,fsdev=hostroot,mount_tag=hostroot,addr=%02x.0", take(freeSlots)),
                "-fsdev", "local,id=out,path=" + out + ",security_model=none",
                "-device", String.format("virtio-9p-pci,fsdev=out,mount_tag=out,addr=%02x.0", take(freeSlots))));
        return args;
    }

    private static void check(PlatformFunction function) throws GuestFailure {
        PciAddress at = function.address();
        if (at.domain() != 0) {
            throw new GuestFailure(at + ": QEMU's q35 has PCI domain 0 only");
        }
        if (at.bus() == 0 && (at.slot() == HOST_BRIDGE_SLOT || at.slot() == ICH9_SLOT)) {
            throw new GuestFailure(at + ": q35 has its own function at this slot");
        }
        if (at.bus() != 0 && at.slot() != 0) {
            throw new GuestFailure(at + ": behind a root port only slot 0 exists");
        }
        if (!DEVICES.containsKey(function.model())) {
            throw new GuestFailure(at + ": QEMU has no device for model '" + function.model() + "'");
        }
    }

    private static int take(TreeSet<Integer> freeSlots) throws GuestFailure {
        Integer slot = freeSlots.pollFirst();
        if (slot == null) {
            throw new GuestFailure("no free slot on bus 0 for the root ports and the shared directories");
        }
        return slot;
    }
}
