package org.devmodel.cli.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.devmodel.cli.admin.AdminException;
import org.devmodel.cli.machine.CannotRunException;
import org.devmodel.cli.machine.FileTree;
import org.devmodel.cli.script.AdminVerb;
import org.devmodel.cli.script.Command;
import org.devmodel.cli.script.Position;
import org.devmodel.cli.script.ScriptException;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileType;

/**
 * The admin commands: each prints what the real tool prints on stdout, nothing when the tool
 * prints nothing on success, and its errors on stderr in the tool's words. The result is 0, or the
 * errno of the underlying operation.
 */
final class AdminCommands {
    private final Session session;

    AdminCommands(Session session) {
        this.session = session;
    }

    /**
     * Runs an admin command.
     *
     * @param admin the command
     * @param at where it is written, for run-time errors
     * @return what it did
     * @throws ScriptException when the command would wait for this same process
     */
    Outcome run(Command.Admin admin, Position at) throws ScriptException {
        List<String> args = admin.arguments();
        if (admin.verb() == AdminVerb.BIND || admin.verb() == AdminVerb.UNBIND) {
            unbindable(admin, at);
        }
        try {
            return switch (admin.verb()) {
                case MODPROBE -> modprobe(args);
                case RMMOD -> silently(() -> session.machine().modules().rmmod(args.get(0)));
                case LSMOD -> printed(session.machine().modules().lsmod());
                case MODINFO -> printed(session.machine().modules().modinfo(args.get(0)));
                case BIND -> silently(() -> session.machine().pci().bind(args.get(0), args.get(1)));
                case UNBIND -> silently(() -> session.machine().pci().unbind(args.get(0)));
                case NEW_ID -> silently(() -> session.machine().pci().newId(args.get(0), args.get(1), args.get(2)));
                case LS -> ls(args);
                case CAT -> cat(args.get(0));
                case STAT -> stat(args.get(0));
                case DMESG -> printed(session.machine().dmesg());
                case STATE -> state(args, at);
            };
        } catch (AdminException e) {
            return new Outcome(Optional.of(e.errno()), -1, Optional.empty(), "", e.getMessage() + "\n");
        }
    }

    /**
     * {@code bind} and {@code unbind} first unbind the function from its driver; a VFIO bus driver
     * then waits until every file of the device is released, which this process would never do.
     */
    private void unbindable(Command.Admin admin, Position at) throws ScriptException {
        String bdf = admin.arguments().get(0);
        Optional<String> holder = session.process().holderOf(bdf);
        if (holder.isPresent()) {
            throw new ScriptException(at, admin.verb().word() + " " + bdf + " would wait forever: its VFIO device is"
                    + " still open in this process (" + holder.get() + ")");
        }
    }

    private Outcome modprobe(List<String> args) throws AdminException {
        if (args.get(0).equals("-r")) {
            session.machine().modules().modprobeRemove(args.get(1));
            return Outcome.silent();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String word : args.subList(1, args.size())) {
            int eq = word.indexOf('=');
            parameters.put(word.substring(0, eq), word.substring(eq + 1));
        }
        session.machine().modules().modprobe(args.get(0), parameters);
        return Outcome.silent();
    }

    private Outcome ls(List<String> args) throws AdminException {
        boolean longFormat = args.size() == 2;
        String path = args.get(args.size() - 1);
        Listing listing = new Listing(files(), session.machine().now());
        try {
            return printed(longFormat ? listing.longListing(path) : listing.names(path));
        } catch (KernelException e) {
            throw new AdminException(e.errno(), "ls: cannot access '" + path + "': " + e.errno().message());
        }
    }

    /** A device node is read through its driver, any other file as the file system gives its text. */
    private Outcome cat(String path) throws AdminException {
        try {
            if (files().stat(path).type() == FileType.CHAR_DEVICE) {
                return DeviceCat.cat(session.process().sibling(), path);
            }
            return printed(files().readText(path));
        } catch (KernelException e) {
            throw new AdminException(e.errno(), "cat: " + path + ": " + e.errno().message());
        }
    }

    private Outcome stat(String path) throws AdminException {
        try {
            return printed(StatFormat.format(path, files().stat(path)));
        } catch (KernelException e) {
            throw new AdminException(e.errno(), "stat: cannot stat '" + path + "': " + e.errno().message());
        }
    }

    private Outcome state(List<String> args, Position at) throws ScriptException {
        try {
            return printed(session.machine().state(!args.isEmpty()));
        } catch (CannotRunException e) {
            throw new ScriptException(at, e.getMessage());
        }
    }

    private FileTree files() {
        return session.machine().files();
    }

    private static Outcome printed(String text) {
        return Outcome.success(0, text);
    }

    private static Outcome silently(AdminAction action) throws AdminException {
        action.run();
        return Outcome.silent();
    }

    /** An admin call that prints nothing on success. */
    @FunctionalInterface
    private interface AdminAction {
        void run() throws AdminException;
    }
}
