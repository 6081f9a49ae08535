package kb.search.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measured relevance on long real documents: 61 questions phrased as a reader asks them, over the scholarly PDFs,
 * the saved web pages and a deterministic sample of MedQuAD in ../shared/datasets, judged by reading the documents
 * both by article (qrels-article.txt) and by passage (qrels-passage.txt). See
 * src/test/resources/eval/long-docs/README.md for the corpus recipe, the figures and where kb lost to plain BM25
 * over whole articles (0.9653 nDCG@10 against kb's 0.8851 when this set was written; 0.9699 since kb ranks
 * passages in the light of their articles).
 *
 * <p>The floors are a ratchet a little below the level kb reaches now: raise them when ranking improves; never
 * lower them to make a change pass, and never edit a judgment to fit kb's output. The datasets live outside the
 * project, so the measuring test is skipped when they are missing; the judgments' own checks always run.
 */
class LongDocsRelevanceTest {
    /**
     * Article level, kb measured nDCG@10 0.9699 and MRR@10 0.9754 (0.8851 and 0.8716 before article ranking);
     * passage level nDCG@10 0.5847 (0.5210 before).
     */
    static final double ARTICLE_NDCG10_FLOOR = 0.965;
    static final double ARTICLE_MRR10_FLOOR = 0.97;
    static final double PASSAGE_NDCG10_FLOOR = 0.58;

    static final Path DATASETS = Path.of("..", "shared", "datasets");
    static final Path RESOURCES = Path.of("src", "test", "resources", "eval", "long-docs");
    /** Every 18th MedQuAD file in sorted order, from the first: 305 articles, 37 of them over 1,000 words. */
    static final int MEDQUAD_STEP = 18;
    /** Evaluation runs many queries in one go: one slow query must not fail the run, as with kb eval. */
    static final Duration TIME_LIMIT = Duration.ofMinutes(1);

    @TempDir
    Path tmp;

    @Test
    void longDocumentQuestionsRankAtLeastAsWellAsMeasured() throws Exception {
        for (String folder : new String[] {"pdf-articles", "web-pages", "medquad"}) {
            Path dir = DATASETS.resolve(folder);
            assumeTrue(Files.isDirectory(dir), "dataset not present at " + dir.toAbsolutePath().normalize()
                    + "; skipping the long-documents relevance check");
        }
        long start = System.nanoTime();
        Path corpus = tmp.resolve("corpus");
        int files = assemble(DATASETS, corpus);
        assertEquals(379, files, "9 PDFs, 65 web pages and 305 MedQuAD articles");
        new Indexer(new CorpusReader()).rebuild(corpus, tmp.resolve("index"));
        long indexed = System.nanoTime();

        Map<String, String> queries = QueryFile.read(RESOURCES.resolve("queries.tsv"));
        Qrels byArticle = Qrels.read(RESOURCES.resolve("qrels-article.txt"));
        Qrels byPassage = Qrels.read(RESOURCES.resolve("qrels-passage.txt"));
        Evaluation.Report articles;
        Evaluation.Report passages;
        try (LuceneSearchEngine kb = LuceneSearchEngine.openForQueries(tmp.resolve("index"), TIME_LIMIT, null)) {
            // A judgment naming an id the index no longer has scores as a miss, silently: say so instead.
            List<String> missing = new ArrayList<>();
            for (String q : queries.keySet()) {
                for (String slug : byArticle.judgments(q).keySet()) {
                    if (kb.article(slug, null).isEmpty()) {
                        missing.add(q + " article " + slug);
                    }
                }
                for (String id : byPassage.judgments(q).keySet()) {
                    if (kb.passage(id).isEmpty()) {
                        missing.add(q + " passage " + id);
                    }
                }
            }
            assertEquals(List.of(), missing, "judged ids the index does not have: extraction or ids changed, "
                    + "re-judge those queries by reading the documents");
            articles = Evaluation.run(queries, byArticle, (q, depth) -> kb.rank(q, depth, true, false), 100);
            passages = Evaluation.run(queries, byPassage, (q, depth) -> kb.rank(q, depth, false, false), 100);
        }
        long ranked = System.nanoTime();

        String figures = String.format(Locale.ROOT,
                "long docs (%d queries): article nDCG@10 %.4f, MRR@10 %.4f, Recall@100 %.4f; "
                        + "passage nDCG@10 %.4f, MRR@10 %.4f, Recall@100 %.4f; %d+%d failed",
                articles.evaluated(), articles.ndcg10(), articles.mrr10(), articles.recall100(),
                passages.ndcg10(), passages.mrr10(), passages.recall100(), articles.failed(), passages.failed());
        System.out.println(figures);
        System.out.printf(Locale.ROOT, "long docs timing: assemble+index %.1f s, %d queries at two units %.1f s%n",
                (indexed - start) / 1e9, queries.size(), (ranked - indexed) / 1e9);
        for (Evaluation.QueryResult q : articles.queries()) {
            if (q.ndcg10() < 1) {
                System.out.printf(Locale.ROOT, "  %-7s article nDCG@10 %.4f  %s%n", q.id(), q.ndcg10(), q.text());
            }
        }
        assertEquals(queries.size(), articles.evaluated(), "every query has a relevant article");
        assertEquals(queries.size(), passages.evaluated(), "every query has a relevant passage");
        assertEquals(0, articles.failed() + passages.failed(), "no query is refused");
        assertTrue(articles.ndcg10() >= ARTICLE_NDCG10_FLOOR, figures);
        assertTrue(articles.mrr10() >= ARTICLE_MRR10_FLOOR, figures);
        assertTrue(passages.ndcg10() >= PASSAGE_NDCG10_FLOOR, figures);
    }

    @Test
    void judgmentsCoverEverySourceAndEveryQuery() throws IOException {
        Map<String, String> queries = QueryFile.read(RESOURCES.resolve("queries.tsv"));
        assertTrue(queries.size() >= 45, "at least 45 judged queries: " + queries.size());
        Map<String, Integer> perSource = new TreeMap<>();
        queries.keySet().forEach(q -> perSource.merge(q.substring(0, q.indexOf('-')), 1, Integer::sum));
        assertEquals(new TreeSet<>(List.of("mq", "pdf", "web")), perSource.keySet(), "query ids: pdf-, web-, mq-");
        perSource.forEach((source, n) -> assertTrue(n >= 12, "at least 12 queries from " + source + ": " + n));

        Map<String, Map<String, Integer>> articles = read(RESOURCES.resolve("qrels-article.txt"), queries);
        Map<String, Map<String, Integer>> passages = read(RESOURCES.resolve("qrels-passage.txt"), queries);
        for (String q : queries.keySet()) {
            assertTrue(articles.getOrDefault(q, Map.of()).containsValue(2), q + ": no article graded 2");
            assertTrue(passages.getOrDefault(q, Map.of()).containsValue(2), q + ": no passage graded 2");
            for (String id : passages.getOrDefault(q, Map.of()).keySet()) {
                assertTrue(id.matches("[a-z0-9-]+\\.[a-z0-9-]+\\.\\d+"), q + ": not a passage id: " + id);
                String slug = id.substring(0, id.indexOf('.'));
                assertTrue(articles.get(q).containsKey(slug), q + ": passage " + id + " but its article is not judged");
            }
        }
    }

    /** qid -> docid -> grade, checking the TREC format, the grades and that every qid is a query. */
    private static Map<String, Map<String, Integer>> read(Path file, Map<String, String> queries) throws IOException {
        Map<String, Map<String, Integer>> judged = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ");
            assertEquals(4, f.length, file.getFileName() + ": " + line);
            assertTrue(queries.containsKey(f[0]), "judgment for an unknown query: " + line);
            assertEquals("0", f[1], line);
            assertTrue(f[3].equals("1") || f[3].equals("2"), "grade 1 or 2: " + line);
            Integer before = judged.computeIfAbsent(f[0], k -> new TreeMap<>()).put(f[2], Integer.parseInt(f[3]));
            assertEquals(null, before, "judged twice: " + line);
        }
        return judged;
    }

    /**
     * The recipe of the README in Java: copies (kb does not follow symbolic links) the text-layer PDFs of
     * pdf-articles (not the scanned page), each web page's source.html as {@code web/<name>.html} (its slug is the
     * page's name), and every {@value #MEDQUAD_STEP}th MedQuAD file in sorted relative-path order, starting with the
     * first, under {@code medquad/<source>/}. Returns the number of files copied.
     */
    static int assemble(Path datasets, Path corpus) throws IOException {
        int copied = 0;
        Files.createDirectories(corpus.resolve("pdf"));
        Files.createDirectories(corpus.resolve("web"));
        for (Path pdf : sorted(datasets.resolve("pdf-articles"), 1)) {
            String name = pdf.getFileName().toString();
            if (name.endsWith(".pdf") && !name.startsWith("scanned-")) {
                Files.copy(pdf, corpus.resolve("pdf").resolve(name));
                copied++;
            }
        }
        for (Path page : sorted(datasets.resolve("web-pages"), 1)) {
            Path source = page.resolve("source.html");
            if (Files.isRegularFile(source)) {
                Files.copy(source, corpus.resolve("web").resolve(page.getFileName() + ".html"));
                copied++;
            }
        }
        Path medquad = datasets.resolve("medquad");
        List<String> all = new ArrayList<>();
        for (Path file : sorted(medquad, Integer.MAX_VALUE)) {
            if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(".md")) {
                all.add(medquad.relativize(file).toString().replace('\\', '/'));
            }
        }
        all.sort(null); // code-unit order, as LC_ALL=C sort orders these ASCII names
        for (int i = 0; i < all.size(); i += MEDQUAD_STEP) {
            Path target = corpus.resolve("medquad").resolve(all.get(i));
            Files.createDirectories(target.getParent());
            Files.copy(medquad.resolve(all.get(i)), target);
            copied++;
        }
        return copied;
    }

    private static List<Path> sorted(Path dir, int depth) throws IOException {
        try (Stream<Path> paths = Files.walk(dir, depth)) {
            return paths.filter(p -> !p.equals(dir)).sorted().toList();
        }
    }
}
