package org.devmodel.cli.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devmodel.core.Kernel;
import org.devmodel.core.device.Device;
import org.devmodel.core.device.DeviceClass;
import org.devmodel.core.device.DeviceDriver;
import org.devmodel.core.module.LoadedModule;
import org.devmodel.core.snapshot.KernelSnapshot;
import org.devmodel.iommu.Iommu;
import org.devmodel.iommu.IommuGroup;
import org.devmodel.vfio.VfioContainerState;
import org.devmodel.vfio.VfioRegistry;

/**
 * The kernel's live objects at one moment, as {@code devmodel state} shows them. Immutable.
 *
 * @param modules the loaded modules, newest first, with refcounts and holders
 * @param regions the char-device regions, {@code MAJOR:BASEMINOR+COUNT NAME}
 * @param classes each class by name with its devices, {@code NAME MAJOR:MINOR}
 * @param groups the IOMMU groups with their functions and the drivers bound to them
 * @param containers vfio's containers that hold a group; none while vfio is not loaded
 * @param openFiles the open files of every process, {@code pid P fd N PATH}
 */
public record KernelState(List<LoadedModule> modules, List<String> regions, Map<String, List<String>> classes,
        List<Group> groups, List<VfioContainerState> containers, List<String> openFiles) {
    /** Copies the collections. */
    public KernelState {
        modules = List.copyOf(modules);
        regions = List.copyOf(regions);
        classes = Collections.unmodifiableMap(new LinkedHashMap<>(classes));
        groups = List.copyOf(groups);
        containers = List.copyOf(containers);
        openFiles = List.copyOf(openFiles);
    }

    /**
     * An IOMMU group.
     *
     * @param id its id
     * @param functions its devices by name, each with the driver bound to it, if any
     */
    public record Group(int id, Map<String, Optional<String>> functions) {
        /** Keeps the functions' order. */
        public Group {
            functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
        }
    }

    /**
     * Gathers the state of a kernel through its exported APIs.
     *
     * @param kernel the kernel
     * @return the state now
     */
    public static KernelState of(Kernel kernel) {
        KernelSnapshot snapshot = kernel.snapshot();
        Map<String, List<String>> classes = new LinkedHashMap<>();
        snapshot.section("classes").forEach(name -> classes.put(name, new ArrayList<>()));
        for (Device device : kernel.devices().classDevices()) {
            String name = device.deviceClass().map(DeviceClass::name).orElseThrow();
            classes.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(device.name() + device.devt().map(d -> " " + d).orElse(""));
        }
        List<Group> groups = kernel.subsystem(Iommu.class).map(KernelState::groups).orElse(List.of());
        List<VfioContainerState> containers = kernel.modules().exported(VfioRegistry.class)
                .map(VfioRegistry::containers).orElse(List.of());
        return new KernelState(kernel.modules().loaded(), snapshot.section("chrdev regions"), classes, groups,
                containers, snapshot.section("fds"));
    }

    private static List<Group> groups(Iommu iommu) {
        return iommu.groups().stream().map(KernelState::group).toList();
    }

    private static Group group(IommuGroup group) {
        Map<String, Optional<String>> functions = new LinkedHashMap<>();
        group.devices().forEach(d -> functions.put(d.name(), d.driver().map(DeviceDriver::name)));
        return new Group(group.id(), functions);
    }
}
