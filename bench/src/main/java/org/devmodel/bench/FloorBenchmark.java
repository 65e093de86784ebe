package org.devmodel.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.CompilerControl;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floors the model is held against: a plain Java interface call that is not inlined (figure
 * 1: what an in-process {@code ioctl} could cost at best) and a 4 KiB {@code System.arraycopy}
 * (figure 6: what a 4 KiB device DMA could cost at best).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FloorBenchmark {
    /** The shape of a file operation: a call through an interface. */
    interface Operation {
        long ioctl(int fd, int cmd, long arg);
    }

    private static final class Echo implements Operation {
        @Override
        @CompilerControl(CompilerControl.Mode.DONT_INLINE)
        public long ioctl(int fd, int cmd, long arg) {
            return fd + cmd + arg;
        }
    }

    private final Operation operation = new Echo();
    private final byte[] source = new byte[VfioProcess.PAGE];
    private final byte[] target = new byte[VfioProcess.PAGE];
    private int fd = 3;

    /** One interface call that is not inlined. */
    @Benchmark
    public long interfaceCall() {
        return operation.ioctl(fd, 0x3b64, 0);
    }

    /** {@code System.arraycopy} of 4 KiB. */
    @Benchmark
    public byte[] copy4k() {
        System.arraycopy(source, 0, target, 0, source.length);
        return target;
    }
}
