package org.devmodel.core.internal.module;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * depmod's result: the indexed modules in index order, found by name or alias, with their
 * dependencies (the driver modules their JPMS module requires). Immutable.
 */
final class ModuleIndex {
    private final Map<String, IndexEntry> byName = new LinkedHashMap<>();
    private final Map<String, IndexEntry> byJpmsName = new LinkedHashMap<>();

    /**
     * @param entries the modules, in index order, with distinct names
     */
    ModuleIndex(Collection<IndexEntry> entries) {
        for (IndexEntry e : entries) {
            byName.put(e.name(), e);
            byJpmsName.put(e.jpmsName(), e);
        }
    }

    /** {@return the modules, in index order} */
    List<IndexEntry> entries() {
        return List.copyOf(byName.values());
    }

    /**
     * {@return a module by name, in either spelling}
     *
     * @param name a module name
     */
    Optional<IndexEntry> find(String name) {
        return Optional.ofNullable(byName.get(ModuleNames.normalise(name)));
    }

    /**
     * {@return the modules a name or alias resolves to, in index order: the module of that name, or
     * else every module with a matching alias, as modprobe resolves it}
     *
     * @param nameOrAlias what was asked for
     */
    List<IndexEntry> resolve(String nameOrAlias) {
        Optional<IndexEntry> named = find(nameOrAlias);
        if (named.isPresent()) {
            return List.of(named.get());
        }
        return byName.values().stream()
                .filter(e -> e.info().aliases().stream().anyMatch(a -> new AliasPattern(a).matches(nameOrAlias)))
                .toList();
    }

    /**
     * {@return the indexed modules an entry's JPMS module requires, in declaration order}
     *
     * @param entry a module
     */
    List<IndexEntry> dependencies(IndexEntry entry) {
        return entry.requires().stream().map(byJpmsName::get).filter(e -> e != null && e != entry).toList();
    }

    /**
     * {@return every module an entry depends on, directly or not, nearest first, as {@code modules.dep} lists them}
     *
     * @param entry a module
     */
    List<IndexEntry> allDependencies(IndexEntry entry) {
        Set<IndexEntry> seen = new LinkedHashSet<>();
        List<IndexEntry> frontier = dependencies(entry);
        while (!frontier.isEmpty()) {
            List<IndexEntry> next = new ArrayList<>();
            for (IndexEntry dep : frontier) {
                if (seen.add(dep)) {
                    next.addAll(dependencies(dep));
                }
            }
            frontier = next;
        }
        return List.copyOf(seen);
    }

    /**
     * {@return an index holding only the named modules and what they depend on, in this index's order}
     *
     * @param names module names; unknown ones are ignored
     */
    ModuleIndex restrictTo(Collection<String> names) {
        Set<IndexEntry> kept = new LinkedHashSet<>();
        for (String name : names) {
            find(name).ifPresent(e -> {
                kept.add(e);
                kept.addAll(allDependencies(e));
            });
        }
        return new ModuleIndex(byName.values().stream().filter(kept::contains).toList());
    }

    /**
     * {@return the ioctl descriptions a module ships, as raw text}
     *
     * @param module a module name
     */
    Optional<String> ioctlDescriptions(String module) {
        return find(module).flatMap(IndexEntry::ioctls);
    }
}
