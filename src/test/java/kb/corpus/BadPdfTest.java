package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kb.index.Indexer;
import kb.search.SearchHit;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PDFs kb cannot use are skipped with a one-line reason, and the rest of the corpus is still indexed. */
class BadPdfTest {
    @TempDir
    Path tmp;

    private String reason(Path pdf) {
        List<SkippedFile> skipped = new CorpusReader().readFile(pdf.getParent(), pdf).allSkipped();
        assertEquals(1, skipped.size(), "skipped: " + skipped);
        return skipped.get(0).reason();
    }

    @Test
    void passwordProtectedPdfIsSkippedAsEncrypted() throws IOException {
        assertEquals("encrypted PDF: a password is needed to open it",
                reason(PdfFixtures.encrypted(tmp.resolve("locked.pdf"))));
    }

    @Test
    void pdfThatForbidsTextExtractionIsSkipped() throws IOException {
        assertEquals("encrypted PDF that does not permit text extraction",
                reason(PdfFixtures.noExtraction(tmp.resolve("no-copy.pdf"))));
    }

    @Test
    void imageOnlyPdfIsSkippedAsScannedWithoutATextLayer() throws IOException {
        assertEquals("scanned PDF without a text layer; OCR is not supported",
                reason(PdfFixtures.imageOnly(tmp.resolve("scan.pdf"))));
    }

    @Test
    void truncatedPdfIsSkippedAsDamaged() throws IOException {
        String reason = reason(PdfFixtures.truncated(tmp.resolve("cut.pdf")));
        assertTrue(reason.startsWith("damaged or truncated PDF"), reason);
        assertEquals(1, reason.lines().count());
    }

    @Test
    void badPdfsAreSkippedAndTheRestOfTheCorpusIsIndexedAndSearchable() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        PdfFixtures.article(corpus.resolve("widgets.pdf"));
        PdfFixtures.encrypted(corpus.resolve("locked.pdf"));
        PdfFixtures.imageOnly(corpus.resolve("scan.pdf"));
        PdfFixtures.truncated(corpus.resolve("cut.pdf"));
        Files.writeString(corpus.resolve("notes.txt"), "Notes\n\nWidgets are small.\n");
        List<String> slugs = new ArrayList<>();
        CorpusScan scan = new CorpusReader().read(corpus, a -> slugs.add(a.slug()));
        assertEquals(List.of("notes", "widgets"), slugs.stream().sorted().toList());
        Map<String, String> reasons = scan.skipped().stream()
                .collect(Collectors.toMap(SkippedFile::file, SkippedFile::reason));
        assertEquals(List.of("cut.pdf", "locked.pdf", "scan.pdf"), reasons.keySet().stream().sorted().toList());
        assertEquals(PdfReader.SCANNED, reasons.get("scan.pdf"));

        new Indexer(new CorpusReader()).rebuild(corpus, tmp.resolve("index"));
        try (LuceneSearchEngine search = LuceneSearchEngine.open(tmp.resolve("index"))) {
            SearchPage bySmith = search.search(SearchRequest.of("author:Smith"));
            assertEquals(1, bySmith.total());
            SearchHit entry = bySmith.hits().get(0);
            assertEquals("reference", entry.kind());
            assertEquals(3, entry.page());
            SearchPage phrase = search.search(SearchRequest.of("\"counted the ones that cracked\""));
            assertEquals(1, phrase.hits().get(0).page());
        }
    }
}
