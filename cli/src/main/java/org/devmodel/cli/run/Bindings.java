package org.devmodel.cli.run;

import java.util.HashMap;
import java.util.Map;
import org.devmodel.cli.script.Name;
import org.devmodel.cli.script.ScriptException;

/**
 * The NAMEs of a run: fd names bound by {@code open}, {@code eventfd} and {@code as}, and buffer
 * names bound by {@code mmap}. A closed fd's name keeps its number, so a later use gets EBADF as a
 * real program would.
 */
final class Bindings {
    private final Map<String, Integer> fds = new HashMap<>();
    private final Map<String, Long> buffers = new HashMap<>();

    /**
     * Binds an fd name, replacing any earlier binding.
     *
     * @param name the name
     * @param fd the fd, or -1
     */
    void bindFd(Name name, int fd) {
        fds.put(name.text(), fd);
    }

    /**
     * Binds a buffer name.
     *
     * @param name the name
     * @param address the mapping's address, or -1
     */
    void bindBuffer(Name name, long address) {
        buffers.put(name.text(), address);
    }

    /**
     * {@return the fd bound to a name}
     *
     * @param name the name
     * @throws ScriptException when nothing is bound to it
     */
    int fd(Name name) throws ScriptException {
        Integer fd = fds.get(name.text());
        if (fd == null) {
            throw new ScriptException(name.position(), "unknown name " + name.text() + ": no open or as bound it");
        }
        return fd;
    }

    /**
     * {@return the address of the buffer bound to a name}
     *
     * @param name the name
     * @throws ScriptException when nothing is bound to it
     */
    long buffer(Name name) throws ScriptException {
        Long address = buffers.get(name.text());
        if (address == null) {
            throw new ScriptException(name.position(), "unknown buffer " + name.text() + ": no mmap bound it");
        }
        return address;
    }
}
