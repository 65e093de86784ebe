package org.devmodel.cli.machine;

import java.util.List;
import org.devmodel.core.KernelException;
import org.devmodel.core.fs.Stat;
import org.devmodel.core.fs.Vfs;

/** The files {@code ls}, {@code cat} and {@code stat} look at, with the errno of a failing look. */
public interface FileTree {

    /**
     * {@return a model kernel's files}
     *
     * @param vfs its file system
     */
    static FileTree of(Vfs vfs) {
        return new FileTree() {
            @Override
            public Stat stat(String path) throws KernelException {
                return vfs.stat(path);
            }

            @Override
            public List<String> list(String path) throws KernelException {
                return vfs.list(path);
            }

            @Override
            public String readText(String path) throws KernelException {
                return vfs.readText(path);
            }
        };
    }

    /**
     * {@return a file's status, symlinks followed}
     *
     * @param path an absolute path
     * @throws KernelException ENOENT, ENOTDIR, EACCES
     */
    Stat stat(String path) throws KernelException;

    /**
     * {@return a directory's names in {@code ls}'s order, without {@code .} and {@code ..}}
     *
     * @param path a directory
     * @throws KernelException ENOENT, ENOTDIR, EACCES
     */
    List<String> list(String path) throws KernelException;

    /**
     * {@return a file's whole content as text}
     *
     * @param path the file
     * @throws KernelException ENOENT, EISDIR, EACCES, or the file's read errno
     */
    String readText(String path) throws KernelException;
}
