package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Web pages give their main content only, with headings, tables, captions, references and metadata. */
class HtmlReaderTest {
    static final Path HTML = Path.of("src/test/resources/corpus-html");
    private final CorpusReader reader = new CorpusReader();

    private Article single(Path dir, String name) {
        FileResult r = reader.readFile(dir, dir.resolve(name));
        assertNull(r.skipped(), () -> "skipped: " + r.skipped());
        return r.articles().get(0);
    }

    private static List<String> texts(Article a) {
        return a.passages().stream().map(Passage::text).toList();
    }

    @Test
    void menusBannersShareBarsAndHiddenElementsAreNotPassages() {
        Article a = single(HTML, "furniture.html");
        assertEquals("Hand Washing", a.title());
        assertEquals(List.of(
                        "Washing hands with soap removes germs that cause illness.",
                        "Twenty seconds of scrubbing is enough for most germs.",
                        "Wet, lather, scrub, rinse and dry."),
                texts(a));
        assertEquals(List.of(List.of(), List.of("Results"), List.of("Methods")),
                a.passages().stream().map(Passage::sectionPath).toList());
    }

    @Test
    void citationMetaGivesTitleAuthorsDateDoiAndJournal() {
        Article a = single(HTML, "citation.html");
        assertEquals("Sleep consolidates memory in adults", a.title());
        assertEquals(new ArticleMeta(List.of("Ada Lovelace", "Grace Hopper", "Alan Turing"), "2021/03/15", "",
                "10.1234/sleep.2021.42", "Journal of Sleep Research"), a.meta());
        assertEquals("Ada Lovelace et al. (2021). Sleep consolidates memory in adults, \"Abstract\", paragraph 1. "
                + "/passages/citation.abstract.1", CitationOf.passage(a, a.passages().get(0)));
    }

    @Test
    void aSiteSuffixIsCutFromTheTitle() {
        assertEquals("Flu Symptoms", PageMetadata.withoutSiteSuffix("Flu Symptoms | CDC"));
        assertEquals("Ketamine", PageMetadata.withoutSiteSuffix("Ketamine - Wikipedia"));
        assertEquals("Kidney Failure: Choosing a Treatment",
                PageMetadata.withoutSiteSuffix("Kidney Failure: Choosing a Treatment"));
        assertEquals("COVID-19 - what you need to know today",
                PageMetadata.withoutSiteSuffix("COVID-19 - what you need to know today"));
        // og:title carries the site's name too; it goes only when it is the name the site gives itself.
        assertEquals("Tech firms fined", PageMetadata.withoutSiteName("Tech firms fined - BBC News", "BBC News"));
        assertEquals("War - and peace", PageMetadata.withoutSiteName("War - and peace", "BBC News"));
        assertEquals("Story | Aktuálně.cz", PageMetadata.withoutSiteName("Story | Aktuálně.cz", ""));
    }

    @Test
    void dataTablesAreOnePassageAndLayoutTablesAreUnwrapped() {
        Article a = single(HTML, "tables.html");
        assertEquals(List.of(
                        "Daily needs differ by age.",
                        "Table 1. Recommended daily amounts\nAge | Amount\n1-3 years | 15 mg\nAdults | 90 mg",
                        "Figure 1. Intake by age group.",
                        "A one-column table is layout: this cell is prose.",
                        "So is this one."),
                texts(a));
        assertEquals(List.of(PassageKind.PARAGRAPH, PassageKind.TABLE, PassageKind.CAPTION, PassageKind.PARAGRAPH,
                PassageKind.PARAGRAPH), a.passages().stream().map(Passage::kind).toList());
        assertEquals(List.of("Doses"), a.passages().get(1).sectionPath());
        assertEquals("Vitamin Doses, \"Doses\", table 2. /passages/tables.doses.2", CitationOf.passage(a, a.passages().get(1)));
    }

    @Test
    void entriesUnderAReferenceHeadingAreParsedReferences() {
        Article a = single(HTML, "references.html");
        List<Passage> refs = a.passages().stream().filter(p -> p.kind() == PassageKind.REFERENCE).toList();
        assertEquals(2, refs.size());
        assertEquals("2017", refs.get(0).reference().year());
        assertTrue(refs.get(0).reference().authors().startsWith("Lener, M. S."), refs.get(0).reference().authors());
        assertEquals("Ketamine and beyond", refs.get(0).reference().title());
        assertEquals("Frontiers in Pharmacology", refs.get(1).reference().journal());
        assertEquals(List.of("[1]"), a.passages().get(0).cites().stream().map(c -> "[" + c + "]").toList());
    }

    @Test
    void aFooterRepeatedAcrossASiteIsDroppedButRepeatedProseIsKept() throws IOException {
        List<Article> articles = new ArrayList<>();
        CorpusScan scan = reader.read(HTML.resolve("site"), articles::add);
        assertEquals(2, articles.size());
        assertEquals(4, scan.chromeDropped(), "the top links and the disclaimer of both pages");
        for (Article a : articles) {
            String all = String.join("\n", texts(a));
            assertFalse(all.contains("Disclaimer"), all);
            assertFalse(all.contains("About us"), all);
            assertTrue(all.contains("This condition is inherited in an autosomal recessive pattern"), all);
            assertEquals(3, a.passages().size(), all);
        }
        // Read alone, a page has no site to compare with: only the per-page rules apply.
        assertEquals(5, single(HTML.resolve("site"), "page-a.html").passages().size());
    }

    @Test
    void siteChromeDependsOnTheWholeCorpusNotOnWhichFileIsRead(@TempDir Path dir) throws IOException {
        for (String n : List.of("page-a.html", "page-b.html")) {
            Files.copy(HTML.resolve("site").resolve(n), dir.resolve(n));
        }
        List<Article> first = new ArrayList<>();
        reader.read(dir, first::add);
        Files.writeString(dir.resolve("page-b.html"), Files.readString(dir.resolve("page-b.html"))
                .replace("closing paragraph", "final paragraph"));
        List<Article> second = new ArrayList<>();
        reader.read(dir, second::add);
        assertEquals(texts(first.get(0)), texts(second.get(0)));
        assertEquals(3, second.get(1).passages().size());
    }

    @Test
    void rawHtmlInMarkdownIsCleanedLikeAWebPage() {
        Article a = single(HTML, "raw-html.md");
        assertEquals(List.of("Plain Markdown paragraph.", "Kept raw paragraph.", "Another Markdown paragraph."),
                texts(a));
    }

    @Test
    void boilerplateWordingIsNeverAPassage() {
        for (String s : List.of("Top", "Back to top", "March", "Print", "Skip directly to site content", "Share",
                "  Print this page ", "October")) {
            assertTrue(SiteChrome.isBoilerplate(s), s);
        }
        for (String s : List.of("Top tips for sleep", "Print the form and bring it.", "March 3 is the deadline.")) {
            assertFalse(SiteChrome.isBoilerplate(s), s);
        }
    }
}
