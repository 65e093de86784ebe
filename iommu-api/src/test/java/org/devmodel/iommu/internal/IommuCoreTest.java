package org.devmodel.iommu.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devmodel.core.Errno;
import org.devmodel.core.Kernel;
import org.devmodel.core.KernelException;
import org.devmodel.core.KernelOptions;
import org.devmodel.core.device.Bus;
import org.devmodel.core.device.BusMatcher;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.mem.AddressSpace;
import org.devmodel.iommu.DmaDirection;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuDomain;
import org.devmodel.iommu.IommuGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IommuCoreTest {
    private Kernel kernel;
    private Iommu iommu;
    private Bus bus;

    @BeforeEach
    void boot() throws KernelException {
        kernel = Kernel.boot();
        iommu = kernel.subsystem(Iommu.class).orElseThrow();
        bus = kernel.devices().busRegister("test", BusMatcher.NONE);
        iommu.watchBus(bus);
    }

    @AfterEach
    void shutdown() {
        kernel.close();
    }

    private static DeviceDriver driver(String name) {
        return new DeviceDriver() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void probe(Device device) {
            }

            @Override
            public void remove(Device device) {
            }
        };
    }

    @Test
    void bindingADeviceOfAGroupNotifiesTheGroupInTheDriverCoresOrder() throws KernelException {
        Device a = kernel.devices().deviceRegister(bus, "a", null);
        Device b = kernel.devices().deviceRegister(bus, "b", null);
        IommuGroup group = iommu.group(7);
        iommu.addDevice(group, a);
        List<String> events = new ArrayList<>();
        group.registerNotifier((g, event, device) -> events.add(g.id() + " " + event + " " + device.name()));
        iommu.addDevice(group, b);
        DeviceDriver hostDriver = driver("snd_hda_intel");
        kernel.devices().driverRegister(bus, hostDriver);
        kernel.devices().setDriverOverride(b, "snd_hda_intel");
        kernel.devices().bind(hostDriver, b);
        kernel.devices().unbind(b);
        assertThat(events).containsExactly("7 ADD_DEVICE b", "7 BIND_DRIVER b", "7 BOUND_DRIVER b",
                "7 UNBIND_DRIVER b", "7 UNBOUND_DRIVER b");
        assertThat(group.devices()).containsExactly(a, b);
        assertThat(kernel.vfs().exists("/sys/kernel/iommu_groups/7/devices/b")).isTrue();
    }

    @Test
    void devicesOutsideAnyGroupDoNotReachGroupNotifiers() throws KernelException {
        Device grouped = kernel.devices().deviceRegister(bus, "grouped", null);
        IommuGroup group = iommu.group(3);
        iommu.addDevice(group, grouped);
        List<String> events = new ArrayList<>();
        group.registerNotifier((g, event, device) -> events.add(event + " " + device.name()));
        Device loose = kernel.devices().deviceRegister(bus, "loose", null);
        DeviceDriver d = driver("d");
        kernel.devices().driverRegister(bus, d);
        kernel.devices().setDriverOverride(loose, "d");
        kernel.devices().bind(d, loose);
        assertThat(events).isEmpty();
        assertThat(iommu.groupOf(loose)).isEmpty();
        assertThat(iommu.groupOf(grouped)).contains(group);
    }

    @Test
    void unregisteringTheLastDeviceRemovesTheGroup() throws KernelException {
        Device a = kernel.devices().deviceRegister(bus, "a", null);
        IommuGroup group = iommu.group(9);
        iommu.addDevice(group, a);
        List<String> events = new ArrayList<>();
        group.registerNotifier((g, event, device) -> events.add(event + " " + device.name()));
        kernel.devices().deviceUnregister(a);
        assertThat(events).containsExactly("DEL_DEVICE a");
        assertThat(iommu.groups()).isEmpty();
        assertThat(kernel.vfs().exists("/sys/kernel/iommu_groups/9")).isFalse();
    }

    @Test
    void aDeviceJoinsOneGroupOnly() throws KernelException {
        Device a = kernel.devices().deviceRegister(bus, "a", null);
        iommu.addDevice(iommu.group(1), a);
        assertThatThrownBy(() -> iommu.addDevice(iommu.group(2), a))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EBUSY));
    }

    @Test
    void dmaGoesThroughTheAttachedDomainAndFaultsTouchNoMemory() throws KernelException {
        Device dev = kernel.devices().deviceRegister(bus, "0000:00:03.0", null);
        IommuGroup group = iommu.group(3);
        iommu.addDevice(group, dev);
        AddressSpace memory = new AddressSpace();
        long buffer = memory.mmap(8192);
        // one read-only page at IOVA 0x10000, nothing else
        IommuDomain domain = (iova, direction) -> iova >= 0x10000 && iova < 0x11000 && direction == DmaDirection.READ
                ? Optional.of(new IommuDomain.Translation(memory, buffer + iova - 0x10000, 0x11000 - iova))
                : Optional.empty();
        memory.copyToUser(buffer, new byte[] {1, 2, 3});

        assertThatThrownBy(() -> iommu.dmaRead(dev, 0x10000, 3)).isInstanceOf(KernelException.class);
        iommu.attachGroup(domain, group);
        assertThat(iommu.dmaRead(dev, 0x10000, 3)).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> iommu.dmaWrite(dev, 0x10000, new byte[] {9}))
                .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EFAULT));
        assertThatThrownBy(() -> iommu.dmaRead(dev, 0x10ffe, 4)).isInstanceOf(KernelException.class);
        assertThat(memory.copyFromUser(buffer, 3)).containsExactly(1, 2, 3);
        assertThat(kernel.log().dmesg()).contains("DMAR:[DMA Write] Request device [0000:00:03.0] fault addr 10000"
                + " (iommu group 3)");
        iommu.detachGroup(domain, group);
        assertThatThrownBy(() -> iommu.dmaRead(dev, 0x10000, 3)).isInstanceOf(KernelException.class);
    }

    @Test
    void theCommandLineSwitchesTheIommuAndInterruptRemappingOff() throws KernelException {
        assertThat(iommu.present()).isTrue();
        assertThat(iommu.interruptRemapping()).isTrue();
        try (Kernel noRemap = Kernel.boot(KernelOptions.builder().commandLine("intremap=off").build());
             Kernel noIommu = Kernel.boot(KernelOptions.builder().commandLine("intel_iommu=off").build())) {
            Iommu remapOff = noRemap.subsystem(Iommu.class).orElseThrow();
            assertThat(remapOff.present()).isTrue();
            assertThat(remapOff.interruptRemapping()).isFalse();
            Iommu off = noIommu.subsystem(Iommu.class).orElseThrow();
            assertThat(off.present()).isFalse();
            assertThatThrownBy(() -> off.attachGroup((iova, d) -> Optional.empty(), off.group(1)))
                    .isInstanceOfSatisfying(KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENODEV));
        }
    }

    @Test
    void groupsAreInSnapshots() throws KernelException {
        Device a = kernel.devices().deviceRegister(bus, "0000:01:00.0", null);
        Device b = kernel.devices().deviceRegister(bus, "0000:01:00.1", null);
        iommu.addDevice(iommu.group(5), a);
        iommu.addDevice(iommu.group(5), b);
        assertThat(kernel.snapshot().section("iommu groups")).containsExactly("5: 0000:01:00.0 0000:01:00.1");
    }
}
