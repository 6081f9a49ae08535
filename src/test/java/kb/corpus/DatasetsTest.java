package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shared real-world datasets load with nothing skipped. They live outside the project (../shared, read-only)
 * and a fresh clone has none, so each test runs only when its dataset is present.
 */
class DatasetsTest {
    private static final Path DATASETS = Path.of("..", "shared", "datasets");

    @Test
    void medquadMarkdownLoadsWithNothingSkipped() throws IOException {
        Path medquad = DATASETS.resolve("medquad");
        assumeTrue(Files.isDirectory(medquad), "dataset not present: " + medquad.toAbsolutePath().normalize());
        List<Article> articles = new ArrayList<>();
        int[] passages = {0};
        CorpusScan scan = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).read(medquad, a -> {
            passages[0] += a.passages().size();
            if (articles.size() < 5) {
                articles.add(a);
            }
        });
        assertEquals(List.of(), scan.skipped());
        assertTrue(scan.articles() >= 5483, "articles: " + scan.articles());
        assertTrue(passages[0] >= 16393, "passages: " + passages[0]);
        articles.forEach(a -> assertTrue(!a.meta().url().isEmpty(), a.slug()));
    }

    @Test
    void scifactJsonLinesLoadsWithIdsAsSlugs() throws IOException {
        Path scifact = DATASETS.resolve("scifact");
        Path corpus = scifact.resolve("corpus.jsonl");
        assumeTrue(Files.isRegularFile(corpus), "dataset not present: " + corpus.toAbsolutePath().normalize());
        FileResult r = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).readFile(scifact, corpus);
        assertEquals(List.of(), r.allSkipped());
        assertEquals(5183, r.articles().size());
        Set<String> ids = new HashSet<>();
        try (var lines = Files.lines(corpus)) {
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                int start = l.indexOf("\"_id\": \"") + 8;
                ids.add(l.substring(start, l.indexOf('"', start)));
            });
        }
        Set<String> slugs = new HashSet<>();
        r.articles().forEach(a -> slugs.add(a.slug()));
        assertEquals(ids, slugs);
    }
}
