package org.devmodel.core.proc;

/**
 * A process's credentials. As in a kernel without capability sets configured, uid 0 holds every
 * capability and any other uid holds none.
 *
 * @param uid the (effective) user id
 * @param gid the (effective) group id
 */
public record Credentials(int uid, int gid) {
    /** root: uid 0, gid 0. */
    public static final Credentials ROOT = new Credentials(0, 0);

    /** Checks the ids. */
    public Credentials {
        if (uid < 0 || gid < 0) {
            throw new IllegalArgumentException("negative id: " + uid + ":" + gid);
        }
    }

    /**
     * {@code capable()}.
     *
     * @param capability the capability asked for
     * @return whether these credentials hold it
     */
    public boolean capable(Capability capability) {
        return uid == 0;
    }
}
