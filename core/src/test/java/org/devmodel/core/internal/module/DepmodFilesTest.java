package org.devmodel.core.internal.module;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.devmodel.core.DevT;
import org.junit.jupiter.api.Test;

class DepmodFilesTest {

    private static IndexEntry entry(String name, String jpms, List<String> aliases, List<String> requires) {
        ModInfo info = new ModInfo(name, "", "", "", "", aliases, List.of(), List.of(), List.of());
        return new IndexEntry(info, jpms, jpms + ".Main", jpms + ".jar", Optional.empty(), requires, 0,
                Optional.empty());
    }

    private final ModuleIndex index = new ModuleIndex(List.of(
            entry("vfio", "v", List.of("char-major-10-196", "devname:vfio/vfio"), List.of("java.base")),
            entry("vfio_iommu_type1", "t", List.of(), List.of("v")),
            entry("vfio_pci", "p", List.of("devname:nowhere"), List.of("t"))));

    @Test
    void writesTheThreeFilesInKmodsFormats() {
        List<String> warnings = new ArrayList<>();
        assertThat(DepmodFiles.aliases(index)).isEqualTo("# Aliases extracted from modules themselves.\n"
                + "alias char-major-10-196 vfio\n"
                + "alias devname:vfio/vfio vfio\n"
                + "alias devname:nowhere vfio_pci\n");
        assertThat(DepmodFiles.dependencies(index)).isEqualTo("v.jar:\n" + "t.jar: v.jar\n" + "p.jar: t.jar v.jar\n");
        assertThat(DepmodFiles.devnames(index, warnings::add)).isEqualTo(
                "# Device nodes to trigger on-demand module loading.\n" + "vfio vfio/vfio c10:196\n");
        assertThat(warnings).containsExactly(
                "Module 'vfio_pci' has devname (nowhere) but lacks major and minor information. Ignoring.");
    }

    @Test
    void readsModulesDevnameAsStaticNodesDoesSkippingCommentsAndInvalidLines() {
        List<String> invalid = new ArrayList<>();
        List<DepmodFiles.DevnameLine> lines = DepmodFiles.parseDevnames(
                "# comment\nvfio vfio/vfio c10:196\nbroken line\nfuse fuse c10:229\n", invalid::add);
        assertThat(lines).containsExactly(
                new DepmodFiles.DevnameLine("vfio", "vfio/vfio", 'c', DevT.of(10, 196)),
                new DepmodFiles.DevnameLine("fuse", "fuse", 'c', DevT.of(10, 229)));
        assertThat(invalid).containsExactly("broken line");
    }
}
