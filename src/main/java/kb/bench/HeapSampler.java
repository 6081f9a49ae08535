package kb.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Peak heap use over a phase: a daemon thread samples the used heap ({@link MemoryMXBean}) every 5 ms and keeps the
 * largest value. Garbage is collected before starting so the previous phase's leftovers do not count. (Summing
 * the heap pools' own peak counters would overstate: the young and old pools peak at different moments.)
 */
public final class HeapSampler implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    private HeapSampler() {
        thread = new Thread(this::sample, "kb-bench-heap");
        thread.setDaemon(true);
        thread.start();
    }

    /** Collects garbage and starts sampling. */
    public static HeapSampler start() {
        System.gc();
        return new HeapSampler();
    }

    private void sample() {
        while (running) {
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The largest heap use seen so far, in bytes. */
    public long peakBytes() {
        return Math.max(peak, memory.getHeapMemoryUsage().getUsed());
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
