package kb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Main-content extraction on Readability's saved pages reaches a mean bag-of-words F1 of at least 0.95. */
class ExtractionEvalTest {
    static final Path PAGES = Path.of("../shared/datasets/web-pages");

    @Test
    void meanF1OnTheWebPagesSetIsAtLeast095() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(PAGES),
                "skipped: " + PAGES.toAbsolutePath().normalize() + " is missing (see ../shared/datasets/README.md)");
        ExtractionEval.Result r = ExtractionEval.run(PAGES);
        System.out.printf("web-pages: %d pages, mean precision %.3f, recall %.3f, F1 %.3f%n", r.pages().size(),
                r.precision(), r.recall(), r.f1());
        assertTrue(r.pages().size() >= 60, "pages: " + r.pages().size());
        assertTrue(r.f1() >= 0.95, "mean F1 " + r.f1());
    }

    @Test
    void wordsAreCountedCaseBlindAcrossScripts() {
        assertEquals(java.util.Map.of("café", 2, "東京", 1, "2024", 1), ExtractionEval.words("Café, CAFÉ! 東京 2024"));
    }
}
