package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kb.index.Indexer;
import kb.search.SearchHit;
import kb.search.SearchRequest;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real PDFs of ../shared/datasets/pdf-articles against the titles and phrases judged by hand in
 * src/test/resources/eval/pdf-articles.tsv: every PDF with a text layer indexes, the scanned one is skipped with its
 * reason, titles are right for all but at most one, a quoted phrase from each finds its passage on the right page,
 * and no passage is a lone page number or a running header. The PDFs are read in place, never copied.
 */
class PdfArticlesEvalTest {
    private static final Path DATASET = Path.of("..", "shared", "datasets", "pdf-articles");
    private static final Path JUDGMENTS = Path.of("src", "test", "resources", "eval", "pdf-articles.tsv");

    @TempDir
    static Path tmp;
    static final Map<String, Article> articles = new HashMap<>();
    static CorpusScan scan;
    static long readMillis;

    record Judgment(String file, String what, int page, String text) {}

    @BeforeAll
    static void readDataset() throws IOException {
        assumeTrue(Files.isDirectory(DATASET), "dataset not present: " + DATASET.toAbsolutePath().normalize()
                + " (the PDF evaluation needs ../shared/datasets/pdf-articles)");
        long start = System.nanoTime();
        scan = new CorpusReader().read(DATASET, a -> articles.put(a.sourceFile(), a));
        readMillis = (System.nanoTime() - start) / 1_000_000;
    }

    static List<Judgment> judgments() throws IOException {
        List<Judgment> out = new ArrayList<>();
        for (String line : Files.readAllLines(JUDGMENTS)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t");
                out.add(new Judgment(f[0], f[1], Integer.parseInt(f[2]), f[3]));
            }
        }
        return out;
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    @Test
    void everyPdfWithATextLayerIndexesAndTheScannedOneIsSkipped() throws IOException {
        assertEquals(List.of(new SkippedFile("scanned-no-text-layer.pdf", PdfReader.SCANNED)), scan.skipped());
        Set<String> judged = new HashSet<>();
        judgments().forEach(j -> judged.add(j.file()));
        assertEquals(judged, articles.keySet());
        int passages = articles.values().stream().mapToInt(a -> a.passages().size()).sum();
        System.out.printf("pdf-articles: %d PDFs read, %d skipped, %d passages, %d ms%n",
                articles.size(), scan.skipped().size(), passages, readMillis);
    }

    @Test
    void titlesAreRightForAllButAtMostOne() throws IOException {
        List<String> wrong = new ArrayList<>();
        int titles = 0;
        for (Judgment j : judgments()) {
            if (j.what().equals("title")) {
                titles++;
                String got = articles.get(j.file()).title();
                if (!squash(got).equals(squash(j.text()))) {
                    wrong.add(j.file() + ": \"" + got + "\", not \"" + j.text() + "\"");
                }
            }
        }
        System.out.printf("pdf-articles: titles right %d of %d; wrong: %s%n", titles - wrong.size(), titles, wrong);
        assertTrue(wrong.size() <= 1, "wrong titles: " + wrong);
    }

    @Test
    void aQuotedPhraseFromEachPdfFindsItsPassageOnTheRightPage() throws IOException, Exception {
        Path index = tmp.resolve("index");
        new Indexer(new CorpusReader()).rebuild(DATASET, index);
        List<String> misses = new ArrayList<>();
        int phrases = 0;
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index)) {
            for (Judgment j : judgments()) {
                if (!j.what().equals("phrase")) {
                    continue;
                }
                phrases++;
                String slug = articles.get(j.file()).slug();
                List<SearchHit> hits = search.search(new SearchRequest("\"" + j.text() + "\"", 1, 10, slug, null)).hits();
                boolean found = hits.stream().anyMatch(h -> h.text().contains(j.text()) && Integer.valueOf(j.page()).equals(h.page()));
                if (!found) {
                    misses.add(j.file() + " p. " + j.page() + " \"" + j.text() + "\": "
                            + hits.stream().map(h -> "p. " + h.page()).toList());
                }
            }
        }
        System.out.printf("pdf-articles: phrases found on the right page %d of %d; misses: %s%n",
                phrases - misses.size(), phrases, misses);
        assertEquals(List.of(), misses);
    }

    @Test
    void noPassageIsALonePageNumberOrARunningHeader() {
        for (Article a : articles.values()) {
            Map<String, Set<Integer>> pagesByText = new HashMap<>();
            for (Passage p : a.passages()) {
                assertTrue(!p.text().strip().matches("(?i)(page\\s*)?\\d{1,4}(\\s*of\\s*\\d+)?"),
                        a.sourceFile() + " p. " + p.page() + ": " + p.text());
                // A running header is a line of a few words; figure labels ("Tyr and") may repeat and are not one.
                if (p.text().length() < 150 && p.text().split("\\s+").length >= 3) {
                    pagesByText.computeIfAbsent(RunningHeaders.key(p.text()), k -> new HashSet<>()).add(p.page());
                }
            }
            pagesByText.forEach((text, pages) -> assertTrue(pages.size() < 3,
                    a.sourceFile() + ": \"" + text + "\" repeats on pages " + pages));
        }
    }
}
