package kb.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.search.BadQueryException;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.search.SearchEngine;
import kb.search.SearchLimits;

/**
 * In-process search latency: kb's {@link SearchEngine#search} (page 1, 10 hits, every quality feature on:
 * highlighting, facets, spelling, expansions) against {@link BaselineSearch} over the same queries. After the
 * warm-up passes (as many as asked, then more while the JIT still compiles: {@link JitActivity}), each measured pass
 * times every query on both sides, alternating which goes first, so drift in the machine affects both alike.
 */
public final class SearchBench {
    private SearchBench() {}

    /**
     * Warm-up passes beyond those asked for, while the JIT still compiles ({@link JitActivity}), and the wall time they
     * may take: on the AMD EPYC VM of 2 December C2 still compiled for 93-137% of the tenth pass over MedQuAD's
     * questions, and for 3% of the thirty-first.
     */
    static final int MAX_EXTRA_WARMUP = 40;
    static final long MAX_EXTRA_WARMUP_NANOS = 120_000_000_000L;

    /**
     * The two series of one run, a checksum of the answers so the work is observably done, the warm-up passes run,
     * and the share of its wall time the JIT compiled for in the last of them.
     */
    public record Result(Latencies kb, Latencies baseline, long checksum, int warmupPasses, double lastWarmupJit) {
        public double ratio() {
            return kb.p50() / baseline.p50();
        }
    }

    /** The queries kb accepts; those it refuses as bad syntax (it would answer 400) are left out of every series. */
    public static List<String> accepted(SearchEngine kb, List<String> queries) {
        List<String> ok = new ArrayList<>(queries.size());
        for (String q : queries) {
            try {
                kb.search(SearchRequest.of(q));
                ok.add(q);
            } catch (BadQueryException e) {
                // refused queries never reach the ranking; timing them would measure the parser's refusal only
            }
        }
        return ok;
    }

    public static Result run(SearchEngine kb, BaselineSearch baseline, List<String> queries, int warmup, int iterations)
            throws IOException {
        long checksum = 0;
        JitActivity jit = new JitActivity();
        double share = 0;
        int passes = 0;
        long askedDone = 0;
        // The passes asked for, then more while the JIT still compiled for a noticeable share of the last one.
        while (passes < warmup || (passes > 0 && share > JitActivity.QUIET && passes < warmup + MAX_EXTRA_WARMUP
                && System.nanoTime() - askedDone < MAX_EXTRA_WARMUP_NANOS)) {
            jit.shareSinceLastLook();
            for (String q : queries) {
                checksum += kbOnce(kb, q) + baseline.search(q, SearchLimits.DEFAULT_PAGE_SIZE).length;
            }
            share = jit.shareSinceLastLook();
            if (++passes == warmup) {
                askedDone = System.nanoTime();
            }
        }
        Latencies.Recorder kbTimes = new Latencies.Recorder();
        Latencies.Recorder baseTimes = new Latencies.Recorder();
        int turn = 0;
        for (int pass = 0; pass < iterations; pass++) {
            for (String q : queries) {
                boolean kbFirst = (turn++ & 1) == 0;
                if (kbFirst) {
                    checksum += timeKb(kb, q, kbTimes);
                }
                long t0 = System.nanoTime();
                checksum += baseline.search(q, SearchLimits.DEFAULT_PAGE_SIZE).length;
                baseTimes.add(System.nanoTime() - t0);
                if (!kbFirst) {
                    checksum += timeKb(kb, q, kbTimes);
                }
            }
        }
        return new Result(kbTimes.latencies(), baseTimes.latencies(), checksum, passes, share);
    }

    /**
     * Two corpora's searches in one window: the same queries on {@code small} and {@code large}, kb and the baseline
     * each, query by query, the four in a turning order, after warm-up of both as {@link #run} does. Growth from one
     * to the other is then measured with the machine as it is for both, not as it was when each size was reached.
     */
    public record Pair(Result small, Result large) {}

    public static Pair paired(SearchEngine kbSmall, BaselineSearch baseSmall, SearchEngine kbLarge,
            BaselineSearch baseLarge, List<String> queries, int warmup, int iterations) throws IOException {
        // Warm-up (and the JIT's settling) on each size, measuring nothing.
        Result warmSmall = run(kbSmall, baseSmall, queries, warmup, 0);
        Result warmLarge = run(kbLarge, baseLarge, queries, warmup, 0);
        long checksum = warmSmall.checksum() + warmLarge.checksum();
        Latencies.Recorder[] times = new Latencies.Recorder[4];
        for (int i = 0; i < times.length; i++) {
            times[i] = new Latencies.Recorder();
        }
        int turn = 0;
        for (int pass = 0; pass < iterations; pass++) {
            for (String q : queries) {
                for (int k = 0; k < times.length; k++) {
                    int side = (turn + k) % times.length;
                    long t0 = System.nanoTime();
                    checksum += switch (side) {
                        case 0 -> kbOnce(kbSmall, q);
                        case 1 -> baseSmall.search(q, SearchLimits.DEFAULT_PAGE_SIZE).length;
                        case 2 -> kbOnce(kbLarge, q);
                        default -> baseLarge.search(q, SearchLimits.DEFAULT_PAGE_SIZE).length;
                    };
                    times[side].add(System.nanoTime() - t0);
                }
                turn++;
            }
        }
        return new Pair(
                new Result(times[0].latencies(), times[1].latencies(), checksum, warmSmall.warmupPasses(),
                        warmSmall.lastWarmupJit()),
                new Result(times[2].latencies(), times[3].latencies(), checksum, warmLarge.warmupPasses(),
                        warmLarge.lastWarmupJit()));
    }

    /** One more pass of kb searches under the {@link PhaseSampler}: where a search's time goes, by phase. */
    public static Map<String, Double> phases(SearchEngine kb, List<String> queries, int passes) {
        try (PhaseSampler sampler = PhaseSampler.start(Thread.currentThread())) {
            for (int pass = 0; pass < passes; pass++) {
                for (String q : queries) {
                    kbOnce(kb, q);
                }
            }
            return sampler.shares();
        }
    }

    private static long timeKb(SearchEngine kb, String q, Latencies.Recorder into) {
        long t0 = System.nanoTime();
        long n = kbOnce(kb, q);
        into.add(System.nanoTime() - t0);
        return n;
    }

    private static long kbOnce(SearchEngine kb, String q) {
        try {
            SearchPage page = kb.search(SearchRequest.of(q));
            return page.hits().size();
        } catch (BadQueryException e) {
            return 0;
        }
    }
}
