package kb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatenciesTest {
    @Test
    void percentilesUseTheNearestRankOfTheSortedSeries() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L; // 100 ms down to 1 ms, unsorted on purpose
        }
        Latencies l = new Latencies(nanos);
        assertEquals(50.0, l.p50());
        assertEquals(90.0, l.p90());
        assertEquals(99.0, l.p99());
        assertEquals(50.5, l.meanMs(), 1e-9);
    }

    @Test
    void emptySeriesReportsZero() {
        assertEquals(0.0, new Latencies(new long[0]).p99());
    }

    @Test
    void recorderKeepsEverySampleBeyondItsFirstCapacity() {
        Latencies.Recorder r = new Latencies.Recorder();
        Latencies.Recorder other = new Latencies.Recorder();
        for (int i = 1; i <= 3000; i++) {
            r.add(i * 1_000_000L);
        }
        other.add(5L);
        r.addAll(other);
        Latencies l = r.latencies();
        assertEquals(3001, l.count());
        assertEquals(3000.0, l.percentileMs(100));
    }
}
