package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference lists as publishers set them become one parsed reference passage per entry; passages stay readable. */
class PdfReferenceListTest {
    @TempDir
    Path tmp;

    private List<Passage> references(Path pdf) throws IOException {
        FileResult r = new CorpusReader().readFile(tmp, pdf);
        assertEquals(List.of(), r.allSkipped());
        return r.articles().get(0).passages().stream().filter(p -> p.kind() == PassageKind.REFERENCE).toList();
    }

    @Test
    void entryNumbersSetApartByATabStayWithTheirEntries() throws IOException {
        List<Passage> refs = references(PdfFixtures.tabbedReferences(tmp.resolve("bmc.pdf")));
        assertEquals(6, refs.size(), refs.stream().map(Passage::text).toList().toString());
        Reference first = refs.get(0).reference();
        assertEquals(1, first.number());
        assertEquals("Ovretveit J, Serouri A", first.authors());
        assertEquals("2006", first.year());
        assertEquals("Int J Health Care Qual Assur", first.journal());
        assertEquals(6, refs.get(5).reference().number());
        assertEquals("Durand M", refs.get(5).reference().authors());
        assertTrue(refs.get(5).text().endsWith("22(1):70-72."), refs.get(5).text());
    }

    @Test
    void textWithoutParagraphBreaksIsCutAtSentenceEndsPastTheLengthLimit() throws IOException {
        Path pdf = PdfFixtures.unbroken(tmp.resolve("unbroken.pdf"));
        List<Passage> passages = new CorpusReader().readFile(tmp, pdf).articles().get(0).passages();
        List<Passage> body = passages.stream().filter(p -> p.text().contains("widget number")).toList();
        assertTrue(body.size() >= 2, body.stream().map(p -> p.text().length()).toList().toString());
        for (int i = 0; i < body.size(); i++) {
            String t = body.get(i).text();
            assertTrue(t.length() <= PassageLength.HARD_MAX, "passage " + i + " has " + t.length() + " characters");
            if (i < body.size() - 1) {
                assertTrue(t.length() > PassageLength.SOFT_MAX && t.endsWith("cold."), t.substring(t.length() - 40));
            }
        }
        assertTrue(body.get(0).text().startsWith("the widget number 100 held"));
        assertTrue(body.get(body.size() - 1).text().contains("widget number 155 held"));
    }

    @Test
    void textWithoutSentenceEndsOrSpacesIsStillCut() {
        List<String> pieces = PassageLength.split("x".repeat(10_000));
        assertEquals(List.of(4500, 4500, 1000), pieces.stream().map(String::length).toList());
        assertEquals(List.of("short."), PassageLength.split("short."));
    }

    @Test
    void lettersWithoutWidthFromASidewaysBannerAreNotPassages() throws IOException {
        Path pdf = PdfFixtures.marginBanner(tmp.resolve("banner.pdf"));
        List<String> texts = new CorpusReader().readFile(tmp, pdf).articles().get(0).passages().stream()
                .map(Passage::text).toList();
        assertTrue(texts.stream().anyMatch(t -> t.contains("Line 19 of the body")), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains("Services") || t.contains("yem")), texts.toString());
    }

    @Test
    void aCaptionAtThePageTopInterruptsTheSentenceRunningOverToIt() throws IOException {
        Path pdf = PdfFixtures.captionAtPageTop(tmp.resolve("caption.pdf"));
        List<Passage> passages = new CorpusReader().readFile(tmp, pdf).articles().get(0).passages();
        Passage caption = passages.stream().filter(p -> p.text().startsWith("Figure 3.")).findFirst()
                .orElseThrow(() -> new AssertionError(passages.stream().map(Passage::text).toList().toString()));
        assertEquals(PassageKind.CAPTION, caption.kind());
        assertEquals("Figure 3. A cracked widget in the snow.", caption.text());
    }
}
