package org.devmodel.cli.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.devmodel.cli.machine.FileTree;
import org.devmodel.core.Errno;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.FileType;
import org.devmodel.core.fs.OpenFlags;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.proc.Mman;
import org.devmodel.host.HostSyscalls;

/** This machine's files, through {@code stat(2)} and {@code read(2)}; directories list in the C locale's order. */
final class HostFiles implements FileTree {
    /** One read's worth: {@code /proc} files come a page or so at a time. */
    private static final long CHUNK = 16 * Mman.PAGE_SIZE;

    private final HostSyscalls host;

    HostFiles(HostSyscalls host) {
        this.host = host;
    }

    @Override
    public Stat stat(String path) throws KernelException {
        return host.stat(path);
    }

    @Override
    public List<String> list(String path) throws KernelException {
        if (host.stat(path).type() != FileType.DIRECTORY) {
            throw new KernelException(Errno.ENOTDIR, path);
        }
        try (Stream<Path> entries = Files.list(Path.of(path))) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (AccessDeniedException e) {
            throw new KernelException(Errno.EACCES, path, e);
        } catch (IOException e) {
            throw new KernelException(Errno.EIO, path, e);
        }
    }

    @Override
    public String readText(String path) throws KernelException {
        int fd = host.open(path, OpenFlags.O_RDONLY);
        try {
            long buf = host.memory().mmap(CHUNK);
            try {
                ByteArrayOutputStream text = new ByteArrayOutputStream();
                for (long n = host.read(fd, buf, CHUNK); n > 0; n = host.read(fd, buf, CHUNK)) {
                    text.writeBytes(host.memory().copyFromUser(buf, (int) n));
                }
                return text.toString(StandardCharsets.UTF_8);
            } finally {
                host.memory().munmap(buf, CHUNK);
            }
        } finally {
            host.close(fd);
        }
    }
}
