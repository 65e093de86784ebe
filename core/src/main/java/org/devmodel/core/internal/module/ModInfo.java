package org.devmodel.core.internal.module;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.devmodel.core.module.KernelModuleInfo;

/**
 * A module's {@code .modinfo}, copied out of its {@link KernelModuleInfo} so the index keeps no
 * reference to the provider class (and so none to a throwaway layer's class loader).
 *
 * @param name the normalised module name
 * @param version {@code MODULE_VERSION}
 * @param description {@code MODULE_DESCRIPTION}
 * @param author {@code MODULE_AUTHOR}
 * @param license {@code MODULE_LICENSE}
 * @param aliases {@code MODULE_ALIAS} values in declaration order
 * @param softdepPre modules to load before it, if present
 * @param softdepPost modules to load after it, if present
 * @param parameters its parameters
 */
record ModInfo(String name, String version, String description, String author, String license,
               List<String> aliases, List<String> softdepPre, List<String> softdepPost,
               List<ParamInfo> parameters) {

    /** Copies the lists. */
    ModInfo {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
        softdepPre = softdepPre.stream().map(ModuleNames::normalise).toList();
        softdepPost = softdepPost.stream().map(ModuleNames::normalise).toList();
        parameters = List.copyOf(parameters);
    }

    /**
     * {@return the values of an annotation}
     *
     * @param info the provider's annotation
     */
    static ModInfo of(KernelModuleInfo info) {
        return new ModInfo(ModuleNames.normalise(info.name()), info.version(), info.description(),
                info.author(), info.license(), List.of(info.aliases()), List.of(info.softdepPre()),
                List.of(info.softdepPost()), Arrays.stream(info.parameters()).map(ParamInfo::of).toList());
    }

    /**
     * One parameter.
     *
     * @param name its name
     * @param type its type
     * @param defaultValue its default, as {@code modprobe} takes it
     * @param description {@code MODULE_PARM_DESC}
     */
    record ParamInfo(String name, KernelModuleInfo.ParamType type, String defaultValue, String description) {
        static ParamInfo of(KernelModuleInfo.Param p) {
            return new ParamInfo(p.name(), p.type(), p.defaultValue(), p.description());
        }
    }
}
