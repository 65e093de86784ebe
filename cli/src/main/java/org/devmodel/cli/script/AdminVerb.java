package org.devmodel.cli.script;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The admin commands: each prints what the real tool prints. */
public enum AdminVerb {
    /** {@code modprobe MODULE [param=value ...]}, or {@code modprobe -r MODULE}. */
    MODPROBE(Family.MODULES, "[-r] MODULE [param=value ...]", 1, Integer.MAX_VALUE,
            "Loads a module and its dependencies; -r removes it and its unused dependencies"),
    /** {@code rmmod MODULE}. */
    RMMOD(Family.MODULES, "MODULE", 1, 1, "Unloads a module"),
    /** {@code lsmod}. */
    LSMOD(Family.MODULES, "", 0, 0, "Lists the loaded modules"),
    /** {@code modinfo MODULE}. */
    MODINFO(Family.MODULES, "MODULE", 1, 1, "Shows a module's information"),
    /** {@code bind BDF DRIVER}: driver_override, then bind. */
    BIND(Family.PCI, "BDF DRIVER", 2, 2,
            "Binds a PCI function to a driver (driver_override, then bind)"),
    /** {@code unbind BDF}. */
    UNBIND(Family.PCI, "BDF", 1, 1, "Unbinds a PCI function from its driver"),
    /** {@code new_id VENDOR DEVICE DRIVER}. */
    NEW_ID(Family.PCI, "VENDOR DEVICE DRIVER", 3, 3,
            "Adds an id to a PCI driver, binding matching functions"),
    /** {@code ls [-l] PATH}. */
    LS(Family.FILES, "[-l] PATH", 1, 2, "Lists a directory as GNU ls does to a pipe"),
    /** {@code cat PATH}. */
    CAT(Family.FILES, "PATH", 1, 1, "Prints a file"),
    /** {@code stat PATH}. */
    STAT(Family.FILES, "PATH", 1, 1, "Shows a file's status as GNU stat does"),
    /** {@code dmesg}. */
    DMESG(Family.FILES, "", 0, 0, "Prints the kernel log"),
    /** {@code state [--dot]}: devmodel's own. */
    STATE(Family.KERNEL, "[--dot]", 0, 1,
            "Prints the kernel's live objects (modules, regions, classes, IOMMU groups, VFIO containers, open"
                    + " files), or with --dot a Graphviz graph of them");

    /** The tools the admin commands stand for, which the shell's {@code help} lists a line each. */
    public enum Family {
        /** kmod's tools. */
        MODULES,
        /** The sysfs writes that bind PCI functions. */
        PCI,
        /** coreutils' and util-linux's readers of files and the kernel log. */
        FILES,
        /** devmodel's own picture of the kernel's objects, which no real tool draws. */
        KERNEL
    }

    private final Family family;
    private final String synopsis;
    private final int minArguments;
    private final int maxArguments;
    private final String summary;

    AdminVerb(Family family, String synopsis, int minArguments, int maxArguments, String summary) {
        this.family = family;
        this.synopsis = synopsis;
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
        this.summary = summary;
    }

    /** {@return the command's name in a script} */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@return the tool family it belongs to} */
    public Family family() {
        return family;
    }

    /** {@return the arguments it takes, e.g. {@code [-l] PATH}} */
    public String synopsis() {
        return synopsis;
    }

    /** {@return one line saying what it does} */
    public String summary() {
        return summary;
    }

    /**
     * {@return a verb by its script name}
     *
     * @param word the name
     */
    public static Optional<AdminVerb> byWord(String word) {
        return Arrays.stream(values()).filter(v -> v.word().equals(word)).findFirst();
    }

    /**
     * Checks a command's arguments.
     *
     * @param arguments the arguments
     * @return empty when they fit, else the reason and the index of the offending argument (or
     *     the argument count when one is missing)
     */
    public Optional<Problem> check(List<String> arguments) {
        if (this == STATE && arguments.size() == 1 && !arguments.get(0).equals("--dot")) {
            return Optional.of(new Problem(0, "state: unknown option " + arguments.get(0)));
        }
        if (this == LS && arguments.size() == 2 && !arguments.get(0).equals("-l")) {
            return Optional.of(new Problem(0, "ls: unknown option " + arguments.get(0)));
        }
        if (this == MODPROBE && !arguments.isEmpty() && arguments.get(0).equals("-r")) {
            return arguments.size() == 2 ? Optional.empty()
                    : Optional.of(new Problem(Math.min(arguments.size(), 2), "modprobe: -r takes one MODULE, usage: "
                            + usage()));
        }
        if (this == MODPROBE) {
            for (int i = 1; i < arguments.size(); i++) {
                if (!arguments.get(i).contains("=")) {
                    return Optional.of(new Problem(i, "modprobe: parameter " + arguments.get(i) + " is not param=value"));
                }
            }
        }
        if (arguments.size() < minArguments) {
            return Optional.of(new Problem(arguments.size(), word() + ": missing argument, usage: " + usage()));
        }
        if (arguments.size() > maxArguments) {
            return Optional.of(new Problem(maxArguments, word() + ": too many arguments, usage: " + usage()));
        }
        return Optional.empty();
    }

    /** {@return the command with its synopsis} */
    public String usage() {
        return synopsis.isEmpty() ? word() : word() + " " + synopsis;
    }

    /**
     * Why an admin command's arguments do not fit.
     *
     * @param argument the index of the offending argument
     * @param reason the message
     */
    public record Problem(int argument, String reason) {
    }
}
