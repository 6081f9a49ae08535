package kb.cli;

import static kb.cli.BenchSections.f2;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import kb.bench.BaselineSearch;
import kb.bench.IndexBench;
import kb.bench.ScaledCorpus;
import kb.bench.SearchBench;
import kb.bench.StartupBench;
import kb.bench.Table;
import kb.search.LuceneSearchEngine;
import kb.search.SearchEngine;

/**
 * {@code kb bench --scale 1,4,16}: the corpus copied 1, 4 and 16 times with the words of each copy shuffled ({@link
 * ScaledCorpus}, seeded), kb and the baseline indexed and searched with the same queries at each size, and the growth
 * of each one's p50 from the smallest to the largest size, the two searched in one window (query by query, in
 * turn) once the largest is built, so that the machine's drift over the build does not count as growth. Rule:
 * everything is written in temporary folders, never in the corpus, deleted after each size (the smallest's once
 * the largest is measured); the largest size is also served by a child {@code kb serve}
 * with {@code -Xmx512m}, {@code --no-meaning} (meaning vectors for hundreds of thousands of passages would take
 * hours to make on 2 cores) and a 30 s time limit (it checks memory, not speed), which must answer every query.
 */
final class BenchScale {
    static final long SEED = 16;
    static final String SERVE_HEAP = "-Xmx512m";

    private record Size(int factor, long passages, double kbP50, double kbP99, double baseP50, double baseP99) {}

    /** A size's folders: its copied corpus, kb's index and the baseline's. */
    private record Folders(Path corpus, Path kbIndex, Path baseIndex) {}

    private final PrintWriter out;
    private final BenchTargets targets;
    private final int warmup;
    private final int iterations;

    BenchScale(PrintWriter out, BenchTargets targets, int warmup, int iterations) {
        this.out = out;
        this.targets = targets;
        this.warmup = warmup;
        this.iterations = iterations;
    }

    void run(Path corpusDir, int[] factors, List<String> queries, TempFolders temp) throws IOException, InterruptedException {
        int largest = 0;
        int smallest = Integer.MAX_VALUE;
        for (int f : factors) {
            largest = Math.max(largest, f);
            smallest = Math.min(smallest, f);
        }
        Table t = new Table("size", "passages", "kb p50", "kb p99", "baseline p50", "baseline p99", "kb / baseline p50");
        Size first = null;
        Size last = null;
        String served = null;
        SearchBench.Pair paired = null;
        // The smallest size's folders stay until the largest is measured, so that both are searched in one window.
        Folders kept = null;
        try {
            for (int factor : factors) {
                Folders f = new Folders(temp.create("kb-bench-scale-corpus-"), temp.create("kb-bench-scale-index-"),
                        temp.create("kb-bench-scale-baseline-"));
                boolean keep = factor == smallest && largest != smallest;
                try {
                    if (ScaledCorpus.write(corpusDir, f.corpus(), factor, SEED).files() == 0) {
                        out.printf(Locale.ROOT, "%nScale: not measured (no Markdown or text files in %s)%n", corpusDir);
                        targets.notMeasured(BenchTargets.GROWTH, "--scale needs Markdown or text files");
                        return;
                    }
                    long passages = IndexBench.kb(f.corpus(), f.kbIndex()).passages();
                    IndexBench.baseline(f.corpus(), f.baseIndex());
                    SearchBench.Result r;
                    try (SearchEngine kb = LuceneSearchEngine.open(f.kbIndex(), BenchCommand.SEARCH_LIMIT);
                            BaselineSearch base = new BaselineSearch(f.baseIndex())) {
                        r = SearchBench.run(kb, base, queries, warmup, iterations);
                        if (factor == largest && kept != null) {
                            paired = againstSmallest(kept, kb, base, queries);
                        }
                    }
                    Size size = new Size(factor, passages, r.kb().p50(), r.kb().p99(), r.baseline().p50(),
                            r.baseline().p99());
                    t.row(factor + "x", String.format(Locale.ROOT, "%,d", passages), f2(size.kbP50()), f2(size.kbP99()),
                            f2(size.baseP50()), f2(size.baseP99()), f2(size.kbP50() / size.baseP50()));
                    first = factor == smallest ? size : first;
                    last = factor == largest ? size : last;
                    if (factor == largest) {
                        served = serveSmallHeap(f.corpus(), f.kbIndex(), queries, factor);
                    }
                } finally {
                    if (keep) {
                        kept = f;
                    } else {
                        delete(temp, f);
                    }
                }
            }
        } finally {
            if (kept != null) {
                delete(temp, kept);
            }
        }
        out.printf(Locale.ROOT, "%nScale: the corpus copied with shuffled words, top 10 with highlighting, in process (ms):%n");
        t.print(out);
        if (served != null) {
            out.println(served);
        }
        if (first == null || last == null || paired == null) {
            targets.notMeasured(BenchTargets.GROWTH, "--scale needs two sizes or more");
            return;
        }
        out.printf(Locale.ROOT, "  p50 growth %dx -> %dx, each size as measured when it was built: kb %.2fx, baseline %.2fx%n",
                smallest, largest, last.kbP50() / first.kbP50(), last.baseP50() / first.baseP50());
        SearchBench.Result small = paired.small();
        SearchBench.Result large = paired.large();
        double kbGrowth = large.kb().p50() / small.kb().p50();
        double baseGrowth = large.baseline().p50() / small.baseline().p50();
        out.printf(Locale.ROOT, "  %dx and %dx searched in one window, query by query, the four in turn: kb p50 %s -> %s ms, "
                        + "baseline %s -> %s ms%n", smallest, largest, f2(small.kb().p50()), f2(large.kb().p50()),
                f2(small.baseline().p50()), f2(large.baseline().p50()));
        out.printf(Locale.ROOT, "  p50 growth %dx -> %dx: kb %.2fx, baseline %.2fx%n", smallest, largest, kbGrowth, baseGrowth);
        targets.atMost(BenchTargets.GROWTH, kbGrowth / baseGrowth, 1.1);
        if (smallest != 1 || largest != 16) {
            targets.note(BenchTargets.GROWTH, "measured " + smallest + "x -> " + largest + "x, not 1x -> 16x");
        }
    }

    /** The smallest size ({@code kept}) and the largest ({@code kb}, {@code base}) searched in one window. */
    private SearchBench.Pair againstSmallest(Folders kept, SearchEngine kb, BaselineSearch base, List<String> queries)
            throws IOException {
        try (SearchEngine kbSmall = LuceneSearchEngine.open(kept.kbIndex(), BenchCommand.SEARCH_LIMIT);
                BaselineSearch baseSmall = new BaselineSearch(kept.baseIndex())) {
            return SearchBench.paired(kbSmall, baseSmall, kb, base, queries, warmup, iterations);
        }
    }

    private static void delete(TempFolders temp, Folders f) throws IOException {
        temp.delete(f.corpus());
        temp.delete(f.kbIndex());
        temp.delete(f.baseIndex());
    }

    /** A child {@code kb serve} over the largest corpus with a 512 MB heap: its start-up, and every query answered. */
    private static String serveSmallHeap(Path corpus, Path kbIndex, List<String> queries, int factor)
            throws InterruptedException {
        StartupBench.Result r;
        try {
            r = StartupBench.once(corpus, kbIndex, queries.get(0), List.of(SERVE_HEAP),
                    List.of("--no-meaning", "--query-timeout", "30"), queries);
        } catch (IOException e) {
            return String.format(Locale.ROOT, "  kb serve with %s over the %dx corpus: FAILED (%s)", SERVE_HEAP, factor,
                    e.getMessage());
        }
        return String.format(Locale.ROOT, "  kb serve with %s --no-meaning --query-timeout 30 over the %dx corpus: first "
                        + "answer after %.2f s, then %d of %d searches answered (p50 %s ms, p99 %s ms over HTTP): %s%s",
                SERVE_HEAP, factor,
                r.wallSeconds(), queries.size() - r.failed(), queries.size(), f2(r.after().p50()), f2(r.after().p99()),
                r.failed() == 0 ? "works" : "FAILED", r.failures().isEmpty() ? "" : " (" + r.failures() + ")");
    }

    /** The bench's temporary folders: created on demand, deleted as soon as a size is done and again at the end. */
    interface TempFolders {
        Path create(String prefix) throws IOException;

        void delete(Path folder) throws IOException;
    }
}
