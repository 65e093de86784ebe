package org.devmodel.cli.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.devmodel.cli.admin.AdminException;
import org.devmodel.cli.admin.ModuleAdmin;

/**
 * The module commands as kmod's own tools on this machine ({@code modprobe}, {@code rmmod},
 * {@code lsmod}, {@code modinfo}), with their output and messages as they print them; the errno of
 * a failure is read from the message ({@link Tool#errno}).
 */
final class KmodTools implements ModuleAdmin {

    @Override
    public void modprobe(String module, Map<String, String> parameters) throws AdminException {
        List<String> command = new ArrayList<>(List.of("modprobe", module));
        parameters.forEach((name, value) -> command.add(name + "=" + value));
        Tool.output(command);
    }

    @Override
    public void modprobeRemove(String module) throws AdminException {
        Tool.output(List.of("modprobe", "-r", module));
    }

    @Override
    public void rmmod(String module) throws AdminException {
        Tool.output(List.of("rmmod", module));
    }

    @Override
    public String lsmod() throws AdminException {
        return Tool.output(List.of("lsmod"));
    }

    @Override
    public String modinfo(String module) throws AdminException {
        return Tool.output(List.of("modinfo", module));
    }
}
