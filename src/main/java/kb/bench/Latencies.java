package kb.bench;

import java.util.Arrays;

/** Latencies of one measured series, in nanoseconds, sorted once; percentiles by the nearest-rank method. */
public final class Latencies {
    private final long[] sorted;

    public Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    public int count() {
        return sorted.length;
    }

    /** The nearest-rank percentile ({@code p} in 0..100) in milliseconds; 0 for an empty series. */
    public double percentileMs(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    public double p50() {
        return percentileMs(50);
    }

    public double p90() {
        return percentileMs(90);
    }

    public double p99() {
        return percentileMs(99);
    }

    public double meanMs() {
        return sorted.length == 0 ? 0 : Arrays.stream(sorted).average().orElse(0) / 1e6;
    }

    /** A growable list of nanosecond samples, for recording without boxing. */
    public static final class Recorder {
        private long[] values = new long[1024];
        private int size;

        public void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        public void addAll(Recorder other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        public int size() {
            return size;
        }

        public Latencies latencies() {
            return new Latencies(Arrays.copyOf(values, size));
        }
    }
}
