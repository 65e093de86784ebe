package org.devmodel.mem.internal;

/**
 * The model's stand-in for the nonblocking pool: a SplitMix64 stream seeded from the kernel command
 * line, so {@code /dev/urandom} gives the same bytes in every kernel booted with the same seed.
 * Not cryptographic. Thread-safe.
 */
final class EntropyPool {
    private static final long GOLDEN_GAMMA = 0x9e37_79b9_7f4a_7c15L;

    private long state;

    EntropyPool(long seed) {
        this.state = seed;
    }

    /**
     * {@return the next bytes of the stream}
     *
     * @param n how many
     */
    synchronized byte[] extract(int n) {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i += Long.BYTES) {
            long word = next();
            for (int j = i; j < Math.min(n, i + Long.BYTES); j++) {
                out[j] = (byte) word;
                word >>>= 8;
            }
        }
        return out;
    }

    /**
     * {@code mix_pool_bytes}: folds written bytes into the state, so later reads depend on them.
     *
     * @param bytes what a writer gave
     */
    synchronized void mix(byte[] bytes) {
        for (byte b : bytes) {
            state = (state ^ (b & 0xff)) * GOLDEN_GAMMA;
        }
    }

    private long next() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xbf58_476d_1ce4_e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d0_49bb_1331_11ebL;
        return z ^ (z >>> 31);
    }
}
