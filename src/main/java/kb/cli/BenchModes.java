package kb.cli;

import static kb.cli.BenchSections.f2;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import kb.bench.Latencies;
import kb.bench.ModeBench;
import kb.bench.Table;
import kb.corpus.CorpusReader;
import kb.index.IndexMeaning;
import kb.index.IndexProgress;
import kb.index.IndexReport;
import kb.index.Indexer;
import kb.index.MeaningSwitch;
import kb.meaning.Embedder;
import kb.meaning.Meaning;
import kb.search.LuceneSearchEngine;
import kb.search.SearchMode;

/**
 * The search-by-meaning section of {@code kb bench}: gives kb's index its meaning vectors (untimed against any
 * target, but the embedding rate is printed), then times each search mode and the query embedding ({@link
 * ModeBench}) and judges hybrid against lexical plus 1.2 query embeddings. Rule: {@code auto} embeds only a corpus
 * of at most {@value #AUTO_PASSAGES} passages (SciFact's 5,183 take 1–3 minutes on 2 cores; MedQuAD's 36,101 take
 * 8–17), or uses the vectors an {@code --index} already has; the lexical sections never search with the embedder.
 */
final class BenchModes {
    /** Whether to measure the modes: always, never, or when the corpus is small enough or already embedded. */
    enum When { auto, on, off }

    static final int AUTO_PASSAGES = 10_000;

    private final PrintWriter out;
    private final BenchTargets targets;
    private final int warmup;
    private final int iterations;

    BenchModes(PrintWriter out, BenchTargets targets, int warmup, int iterations) {
        this.out = out;
        this.targets = targets;
        this.warmup = warmup;
        this.iterations = iterations;
    }

    void run(When when, Path corpusDir, Path kbIndex, List<String> queries) throws IOException {
        IndexMeaning state = IndexMeaning.of(kbIndex);
        boolean embedded = state.complete();
        if (when == When.off || (when == When.auto && !embedded && state.passages() > AUTO_PASSAGES)) {
            String why = when == When.off ? "--modes=off"
                    : String.format(Locale.ROOT, "%,d passages to embed (auto embeds at most %,d; --modes=on to measure)",
                            state.passages(), AUTO_PASSAGES);
            out.printf(Locale.ROOT, "%nSearch modes: not measured (%s)%n", why);
            targets.notMeasured(BenchTargets.HYBRID, why);
            return;
        }
        Meaning meaning = MeaningOption.shared();
        Embedder embedder = meaning.embedder().orElse(null);
        if (embedder == null) {
            out.printf(Locale.ROOT, "%nSearch modes: not measured (%s)%n", meaning.message());
            targets.notMeasured(BenchTargets.HYBRID, meaning.message());
            return;
        }
        if (!embedded) {
            long start = System.nanoTime();
            IndexReport report = new Indexer(new CorpusReader()).index(corpusDir, kbIndex, Indexer.Mode.INCREMENTAL,
                    IndexProgress.NONE, Indexer.Options.DEFAULT.withEmbedder(embedder, Indexer.Options.UNLIMITED)
                            .withMeaning(MeaningSwitch.ON));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "%nMeaning vectors: %,d passages embedded in %.1f s (%.1f passages/s; %s)%n",
                    state.passages(), seconds, state.passages() / seconds, report.summary().strip());
        }
        ModeBench.Result r;
        try (LuceneSearchEngine engine = LuceneSearchEngine.openForQueries(kbIndex, BenchCommand.SEARCH_LIMIT, embedder)) {
            if (!engine.state().meaningOn()) {
                out.printf(Locale.ROOT, "%nSearch modes: not measured (the index has vectors for %d of %d passages)%n",
                        engine.state().withMeaning(), engine.state().passages());
                targets.notMeasured(BenchTargets.HYBRID, "not every passage has a vector");
                return;
            }
            r = ModeBench.run(engine, embedder, queries, Math.max(1, warmup), Math.max(1, iterations));
        }
        out.printf(Locale.ROOT, "%nSearch by mode, in process, top 10 with every feature on, modes taking turns (ms):%n");
        Table t = new Table("", "searches", "p50", "p90", "p99", "mean");
        for (SearchMode m : SearchMode.values()) {
            BenchSections.row(t, m.label(), r.modes().get(m));
        }
        BenchSections.row(t, "query embedding alone", r.embedding());
        t.print(out);
        Latencies lexical = r.modes().get(SearchMode.LEXICAL);
        double budget = lexical.p50() + 1.2 * r.embedding().p50();
        out.printf(Locale.ROOT, "  hybrid p50 %s ms against lexical %s + 1.2 x embedding %s = %s ms%n",
                f2(r.modes().get(SearchMode.HYBRID).p50()), f2(lexical.p50()), f2(r.embedding().p50()), f2(budget));
        targets.millisAtMost(BenchTargets.HYBRID, r.modes().get(SearchMode.HYBRID).p50(), budget);
    }
}
