package org.devmodel.ioctl;

/**
 * A malformed ioctl description file: a developer's mistake in a module's
 * {@value IoctlTable#RESOURCE}, reported as {@code <source>:<line>: <reason>}.
 */
public class IoctlFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;

    /**
     * Creates the exception.
     *
     * @param source the name of the file, e.g. the module and resource path
     * @param line the 1-based line number
     * @param reason what is wrong, lower-case
     */
    public IoctlFormatException(String source, int line, String reason) {
        super(source + ":" + line + ": " + reason);
        this.source = source;
        this.line = line;
    }

    /** {@return the name of the file} */
    public String source() {
        return source;
    }

    /** {@return the 1-based line number} */
    public int line() {
        return line;
    }
}
