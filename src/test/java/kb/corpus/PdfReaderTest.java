package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A two-column PDF made with PDFBox reads in order, with pages, headings, captions and references. */
class PdfReaderTest {
    @TempDir
    static Path tmp;
    static Article article;

    @BeforeAll
    static void readFixture() throws IOException {
        Path pdf = PdfFixtures.article(tmp.resolve("widgets.pdf"));
        FileResult r = new CorpusReader().readFile(tmp, pdf);
        assertEquals(List.of(), r.allSkipped());
        article = r.articles().get(0);
    }

    private static Passage passage(String containing) {
        return article.passages().stream().filter(p -> p.text().contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no passage with \"" + containing + "\" in " + texts()));
    }

    private static List<String> texts() {
        return article.passages().stream().map(Passage::text).toList();
    }

    @Test
    void titleIsTheLargestTypeOnPageOneWhenTheMetadataTitleIsAFileName() {
        assertEquals("Estimating Widget Durability in Cold Climates", article.title());
        assertEquals(List.of("Jane Smith", "Omar Khan"), article.meta().authors());
    }

    @Test
    void twoColumnsReadColumnByColumnAcrossPages() {
        List<String> order = List.of("Widgets fail in the cold", "We kept two hundred", "Cracks were counted",
                "Coated widgets cracked", "Uncoated widgets lost", "Durable widgets");
        int last = -1;
        for (String phrase : order) {
            int position = passage(phrase).position();
            assertTrue(position > last, phrase + " comes after the one before: " + texts());
            last = position;
        }
    }

    @Test
    void everyPassageCarriesThePageItStartsOn() {
        assertEquals(1, passage("Widgets fail in the cold").page());
        assertEquals(1, passage("Cracks were counted").page());
        assertEquals(2, passage("Coated widgets cracked").page());
        assertEquals(3, passage("Durable widgets").page());
        String cited = CitationOf.passage(article, passage("Durable widgets"));
        assertTrue(cited.contains("p. 3,"), cited);
    }

    @Test
    void runningHeadersAndPageNumbersAreNotPassages() {
        Pattern number = Pattern.compile("\\d+");
        for (Passage p : article.passages()) {
            assertFalse(p.text().contains("Journal of Fixture Studies"), p.text());
            assertFalse(number.matcher(p.text()).matches(), "a lone page number: " + p.text());
        }
    }

    @Test
    void lineEndHyphenIsJoinedUnlessTheDocumentWritesTheWordWithIt() {
        assertTrue(passage("nobody has tried").text().contains("tried to estimate by how much"), passage("nobody").text());
        assertTrue(passage("The trial was").text().contains("The trial was long-term by design"), passage("The trial").text());
    }

    @Test
    void ligaturesBecomePlainLetters() {
        assertTrue(passage("This is the").text().contains("This is the first study"), passage("This is the").text());
        assertTrue(article.passages().stream().noneMatch(p -> p.text().contains("\uFB01")));
    }

    @Test
    void numberedHeadingsFormTheSectionPath() {
        assertEquals(List.of("1. Introduction"), passage("Widgets fail").sectionPath());
        assertEquals(List.of("2. Methods"), passage("We kept two hundred").sectionPath());
        assertEquals(List.of("2. Methods", "2.1 Data"), passage("Cracks were counted").sectionPath());
        assertEquals(List.of("3. Results"), passage("Coated widgets cracked").sectionPath());
    }

    @Test
    void figureCaptionIsACaptionPassage() {
        Passage caption = passage("Figure 1. Cracked widgets");
        assertEquals(PassageKind.CAPTION, caption.kind());
        assertEquals(2, caption.page());
    }

    @Test
    void referenceListGivesOneParsedPassagePerEntry() {
        List<Passage> refs = article.passages().stream().filter(p -> p.kind() == PassageKind.REFERENCE).toList();
        assertEquals(2, refs.size(), texts().toString());
        assertEquals(List.of("References"), refs.get(0).sectionPath());
        assertEquals("Smith, J.", refs.get(0).reference().authors());
        assertEquals("2019", refs.get(0).reference().year());
        assertTrue(refs.get(1).text().endsWith("Cold testing of widgets and other small things. Materials Letters, 7, 20-30."),
                refs.get(1).text());
        assertEquals("2020", refs.get(1).reference().year());
    }

    @Test
    void metadataTitlesThatAreFileNamesOrNumbersAreNotTitles() {
        assertFalse(PdfTitle.isRealTitle("Microsoft Word - report.doc"));
        assertFalse(PdfTitle.isRealTitle("main.dvi"));
        assertFalse(PdfTitle.isRealTitle("ipg1300180a"));
        assertFalse(PdfTitle.isRealTitle("6489122611071476 1..10"));
        assertFalse(PdfTitle.isRealTitle("untitled"));
        assertFalse(PdfTitle.isRealTitle("  "));
        assertTrue(PdfTitle.isRealTitle("Complications related to deep venous thrombosis prophylaxis"));
    }

    @Test
    void pdfTextNormalisesLigaturesButKeepsSymbols() {
        assertEquals("fluid flow x² ½ α ≤ β", PdfText.clean("\uFB02uid \uFB02ow x² ½ α ≤ β"));
    }

    @Test
    void aPdfOverItsSizeLimitIsNamedInTheReason() throws IOException {
        assertTrue(PdfReader.MAX_BYTES > CorpusReader.DEFAULT_MAX_FILE_BYTES);
        Path empty = Files.write(tmp.resolve("empty.pdf"), new byte[0]);
        assertEquals("empty file", new CorpusReader().readFile(tmp, empty).allSkipped().get(0).reason());
    }
}
