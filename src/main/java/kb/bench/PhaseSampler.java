package kb.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small sampling profiler for one thread: every millisecond it takes the thread's stack and charges the sample
 * to the outermost frame that names a search phase (spelling, expansion, parsing, the ranked top-k search, the
 * pass that counts every match for the facets, facet counting, highlighting, stored fields). Phase shares say what each search feature costs
 * without changing the code measured. Samples land at safepoints, so shares are approximate.
 */
public final class PhaseSampler implements AutoCloseable {
    /** A phase and the frames that mark it: a class name prefix and, optionally, a method name. */
    private record Marker(String phase, String classPrefix, String method) {
        boolean matches(StackTraceElement e) {
            return e.getClassName().startsWith(classPrefix) && (method == null || method.equals(e.getMethodName()));
        }
    }

    private static final List<Marker> MARKERS = List.of(
            new Marker("spelling", "kb.search.Spelling", null),
            new Marker("expansion", "kb.search.QueryExpander", null),
            new Marker("parse", "kb.search.UserQueryParser", null),
            new Marker("highlight", "org.apache.lucene.search.uhighlight.", null),
            new Marker("facet counts", "kb.search.FacetCounter", "count"),
            new Marker("ranked search (top k)", "kb.search.QueryPlanner", "rankedPass"),
            new Marker("full weighting of the first pass's best", "kb.search.FirstPass", "rescore"),
            new Marker("rescoring with articles", "kb.search.ArticleRanking", "rescore"),
            new Marker("articles block", "kb.search.ArticleHits", "top"),
            new Marker("counting matches", "kb.search.CountedMatches", "count"),
            new Marker("checking matches (phrases, meaning)", "kb.search.CountedMatches", "matching"),
            new Marker("other searches", "org.apache.lucene.search.IndexSearcher", null),
            new Marker("stored fields", "org.apache.lucene.index.StoredFields", null),
            new Marker("index reads outside a search", "org.apache.lucene.codecs.", null));

    private final Thread target;
    private final Thread sampler;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private volatile boolean running = true;
    private int total;

    private PhaseSampler(Thread target) {
        this.target = target;
        this.sampler = new Thread(this::run, "kb-bench-sampler");
        sampler.setDaemon(true);
    }

    /** Starts sampling {@code target}. */
    public static PhaseSampler start(Thread target) {
        PhaseSampler s = new PhaseSampler(target);
        s.sampler.start();
        return s;
    }

    private void run() {
        while (running) {
            StackTraceElement[] stack = target.getStackTrace();
            if (stack.length > 0) {
                String phase = phaseOf(stack);
                if (phase != null) {
                    synchronized (counts) {
                        counts.merge(phase, 1, Integer::sum);
                        total++;
                    }
                }
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The phase of a stack, outermost marker first; "other" inside a search, null outside one. */
    static String phaseOf(StackTraceElement[] stack) {
        boolean inSearch = false;
        for (int i = stack.length - 1; i >= 0; i--) {
            StackTraceElement e = stack[i];
            if (!inSearch) {
                inSearch = e.getClassName().equals("kb.search.LuceneSearchEngine") && e.getMethodName().equals("search");
                continue;
            }
            for (Marker m : MARKERS) {
                if (m.matches(e)) {
                    return m.phase();
                }
            }
        }
        return inSearch ? "other (plan, result records)" : null;
    }

    /** Share of the samples taken inside a search, by phase, largest first. */
    public Map<String, Double> shares() {
        Map<String, Double> out = new LinkedHashMap<>();
        synchronized (counts) {
            counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> out.put(e.getKey(), total == 0 ? 0 : (double) e.getValue() / total));
        }
        return out;
    }

    public int samples() {
        synchronized (counts) {
            return total;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
