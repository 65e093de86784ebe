package org.devmodel.cli.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;

/**
 * The fds a script holds on the host, by the number the script sees. The JVM holds fds of its own,
 * so the kernel's numbers differ from the model's: each new fd is shown as the lowest number free
 * from 3, in the order the script got them, as the model numbers them; or, when asked, as the
 * kernel's own number. A number the script does not hold never reaches the kernel, where it could
 * name one of the JVM's files.
 */
final class ScriptFds {
    /** The model's standard streams are not there: a process's first fd is 3. */
    private static final int FIRST = 3;

    private final boolean kernelNumbers;
    private final TreeMap<Integer, Held> byScriptNumber = new TreeMap<>();

    /**
     * @param kernelNumbers show the kernel's numbers instead of the model's
     */
    ScriptFds(boolean kernelNumbers) {
        this.kernelNumbers = kernelNumbers;
    }

    /** {@return whether the kernel's numbers are shown} */
    boolean kernelNumbers() {
        return kernelNumbers;
    }

    /**
     * Takes a new fd from the kernel.
     *
     * @param kernelFd the kernel's number
     * @return the script's number
     */
    int adopt(int kernelFd) {
        int number = kernelNumbers ? kernelFd : lowestFree();
        byScriptNumber.put(number, new Held(kernelFd));
        return number;
    }

    private int lowestFree() {
        int number = FIRST;
        while (byScriptNumber.containsKey(number)) {
            number++;
        }
        return number;
    }

    /**
     * {@return the kernel's number for a script fd}
     *
     * @param fd the script's number
     * @throws KernelException EBADF when the script does not hold it
     */
    int kernelFd(int fd) throws KernelException {
        Held held = byScriptNumber.get(fd);
        if (held == null) {
            throw new KernelException(Errno.EBADF, "fd " + fd + " is not open in the script's process");
        }
        return held.kernelFd();
    }

    /**
     * {@return the script's number for a kernel fd it holds}
     *
     * @param kernelFd the kernel's number
     */
    Optional<Integer> scriptFd(int kernelFd) {
        return byScriptNumber.entrySet().stream().filter(e -> e.getValue().kernelFd() == kernelFd)
                .map(Map.Entry::getKey).findFirst();
    }

    /** {@return the script's fds in increasing order} */
    List<Integer> numbers() {
        return new ArrayList<>(byScriptNumber.keySet());
    }

    /**
     * Forgets a script fd; the caller closes the kernel's.
     *
     * @param fd the script's number
     */
    void release(int fd) {
        byScriptNumber.remove(fd);
    }

    /**
     * One fd the script holds.
     *
     * @param kernelFd the kernel's number for it
     */
    private record Held(int kernelFd) {
    }
}
