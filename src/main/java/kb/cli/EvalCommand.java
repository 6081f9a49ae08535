package kb.cli;

import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import kb.corpus.CorpusReader;
import kb.index.IndexReport;
import kb.index.Indexer;
import kb.index.MassDeletionException;
import kb.search.LuceneSearchEngine;
import kb.search.SearchEngine;
import kb.search.SearchMode;
import kb.search.SearchLimits;
import kb.search.eval.Evaluation;
import kb.search.eval.PlainBm25;
import kb.search.eval.QueryFile;
import kb.search.eval.Qrels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kb eval}: measures ranking quality. Runs a query file against the index (rebuilt first when missing or
 * stale) or against a plain Lucene BM25 baseline, scores it against TREC judgments as trec_eval does, prints
 * nDCG@5, nDCG@10, Recall@100 and MRR@10, and can write the TREC run file.
 */
@Command(name = "eval", mixinStandardHelpOptions = true, resourceBundle = "kb.cli.EvalCommand",
        description = {"Measure ranking quality on a judged query set (metrics as trec_eval computes them).",
                "Queries: id<TAB>text per line. Judgments: TREC qrels `qid 0 docid grade` (grade > 0 is relevant).",
                "Document ids are article slugs (JSON Lines: the source ids) with --unit article, passage ids with --unit passage."})
final class EvalCommand implements Callable<Integer> {
    /** Evaluation runs offline over hundreds of queries: one slow query must not end the run, so the limit is wide. */
    private static final java.time.Duration EVAL_TIME_LIMIT = java.time.Duration.ofMinutes(1);

    enum Unit { article, passage }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--queries", paramLabel = "FILE", required = true, description = "Query file: id<TAB>text per line.")
    Path queries;

    @Option(names = "--qrels", paramLabel = "FILE", required = true, description = "TREC relevance judgments.")
    Path qrels;

    @Option(names = "--run", paramLabel = "OUT", description = "Also write the ranking as a TREC run file: qid Q0 docid rank score tag (tag kb, or bm25 with --baseline).")
    Path run;

    @Option(names = "--size", paramLabel = "N", defaultValue = "100",
            description = "How deep to rank each query, 1 to " + SearchLimits.MAX_RESULT_WINDOW + " (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--unit", paramLabel = "UNIT", defaultValue = "article",
            description = "What is ranked: article (by its whole text and best passage, as a search page's articles) "
                    + "or passage (default: ${DEFAULT-VALUE}).")
    Unit unit;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", converter = SearchModeOption.class,
            description = SearchModeOption.DESCRIPTION)
    private SearchMode mode;

    @Option(names = "--baseline", description = "Evaluate plain Lucene BM25 (EnglishAnalyzer, k1=0.9, b=0.4, title and text in one field) "
            + "built in a temporary folder from --corpus, instead of kb's ranking.")
    boolean baseline;

    @Option(names = "--as-text", description = "Search each query as plain words, query syntax escaped, as the baseline does "
            + "(for claims and questions such as SciFact's, where \"+1\" or \"(+)\" are text, not operators).")
    boolean asText;

    /** {@code --corpus} is worded for eval in EvalCommand.properties (key {@code corpus}). */
    @CommandLine.Mixin
    ClusterOptions cluster;

    @CommandLine.Mixin
    CorpusIndexOptions folders;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (size < 1 || size > SearchLimits.MAX_RESULT_WINDOW) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--size must be between 1 and " + SearchLimits.MAX_RESULT_WINDOW + ", not " + size);
        }
        for (Path file : new Path[] {queries, qrels}) {
            if (!Files.isRegularFile(file)) {
                err.println("kb eval: no such file: " + file);
                return 1;
            }
        }
        Map<String, String> querySet = QueryFile.read(queries);
        Qrels judgments = Qrels.read(qrels);
        boolean byArticle = unit == Unit.article;
        Evaluation.Report report;
        String what;
        // The baseline reads a corpus and writes no kb index, so any corpus may be given to it.
        Path source = baseline && folders.givenCorpus() != null ? folders.givenCorpus() : folders.boundCorpus();
        if (baseline) {
            if (!Files.isDirectory(source)) {
                err.println("kb eval: no corpus folder " + source + " to build the baseline from.");
                return 1;
            }
            try (PlainBm25 bm25 = PlainBm25.build(source, !byArticle)) {
                report = Evaluation.run(querySet, judgments, bm25, size);
            }
            what = "plain Lucene BM25 (EnglishAnalyzer, k1=0.9, b=0.4)";
        } else if (cluster.wanted()) {
            try (SearchEngine service = cluster.openForQueries(spec.commandLine(), EVAL_TIME_LIMIT, mode, err, "kb eval")) {
                report = Evaluation.run(querySet, judgments, (q, depth) -> service.rank(q, depth, byArticle, asText, mode), size);
            }
            what = "kb on collection " + cluster.collection;
        } else {
            if (!ensureIndex(source, err)) {
                return 1;
            }
            try (SearchEngine service = LuceneSearchEngine.openForQueries(folders.index(), EVAL_TIME_LIMIT,
                    MeaningOption.forQueries(folders.index(), err, "kb eval"))) {
                report = Evaluation.run(querySet, judgments, (q, depth) -> service.rank(q, depth, byArticle, asText, mode), size);
            }
            what = "kb";
        }
        out.printf("%s, %s unit, depth %d: %s%n", what, unit, size, queries);
        report.summary().forEach(out::println);
        if (run != null) {
            Path parent = run.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (BufferedWriter w = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
                report.writeRun(w, baseline ? "bm25" : "kb");
            }
            out.println("Run: " + run.toAbsolutePath().normalize());
        }
        return 0;
    }

    /** Builds the index from the corpus when it is missing or stale; false (with a message) when it cannot. */
    private boolean ensureIndex(Path corpus, PrintWriter err) throws Exception {
        Path index = folders.index();
        if (!Files.isDirectory(corpus)) {
            if (!Files.isDirectory(index)) {
                err.println("kb eval: no index in " + index + " and no corpus folder " + corpus + " to build it from.");
                return false;
            }
            err.println("kb eval: no corpus folder " + corpus + "; using the index in " + index + " as it is.");
            return true;
        }
        if (Indexer.isStale(corpus, index)) {
            IndexReport built;
            try {
                built = new Indexer(new CorpusReader()).update(corpus, index);
            } catch (MassDeletionException e) {
                err.println("kb eval: " + e.getMessage() + "; run kb index --allow-deletions if that is right.");
                return false;
            }
            err.println("kb eval: " + built.summary());
            if (!built.committed() && !built.upToDate()) {
                err.println("kb eval: nothing could be indexed from " + corpus + ".");
                return false;
            }
        }
        return true;
    }
}
