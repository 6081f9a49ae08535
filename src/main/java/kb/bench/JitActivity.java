package kb.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How busy the JIT compiler has been since the last look: its compile time over the wall time. A benchmark measures
 * code the JIT has finished with; while it still compiles, C2's threads take a core of the two the measured threads
 * need, and the code measured runs partly unoptimised. Rule: warm-ups go on until a slice of warm-up saw the JIT
 * compile for at most {@link #QUIET} of its wall time, up to a cap, and say what they saw; a JVM that cannot report
 * compile time counts as quiet.
 */
public final class JitActivity {
    /** The share of wall time the JIT may still compile for when measuring starts. */
    public static final double QUIET = 0.05;

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
    private long compileMillis = compiled();
    private long wallNanos = System.nanoTime();

    /** The JIT's compile time since the last call (or since made) over the wall time since; 0 where unknown. */
    public double shareSinceLastLook() {
        long c = compiled();
        long now = System.nanoTime();
        double share = now == wallNanos ? 0 : (c - compileMillis) * 1e6 / (now - wallNanos);
        compileMillis = c;
        wallNanos = now;
        return measurable ? share : 0;
    }

    private long compiled() {
        return measurable ? jit.getTotalCompilationTime() : 0;
    }
}
