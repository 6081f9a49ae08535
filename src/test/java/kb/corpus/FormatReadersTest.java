package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Markdown, HTML and JSON Lines files are read into sections and passages by the rules of each format. */
class FormatReadersTest {
    static final Path FORMATS = Path.of("src/test/resources/corpus/formats");
    private final CorpusReader reader = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES);

    private Article single(String name) {
        FileResult r = reader.readFile(FORMATS, FORMATS.resolve(name));
        assertNull(r.skipped(), () -> "skipped: " + r.skipped());
        assertEquals(1, r.articles().size());
        return r.articles().get(0);
    }

    private static List<String> texts(Article a) {
        return a.passages().stream().map(Passage::text).toList();
    }

    @Test
    void markdownFrontMatterGivesTitleAndMeta() {
        Article a = single("sleep-guide.md");
        assertEquals("sleep-guide", a.slug());
        assertEquals("A Guide to Sleep", a.title());
        assertEquals(new ArticleMeta(List.of("Ada Lovelace", "Alan Turing"), "2024-03-01", "https://example.org/sleep"),
                a.meta());
    }

    @Test
    void markdownHeadingsNestAndTheTitleH1IsNotInThePath() {
        Article a = single("sleep-guide.md");
        assertEquals(List.of(
                        "Sleep matters for everyone. See the NIH page for more.",
                        "Keep a regular schedule, even at weekends.",
                        "Go to bed at the same time.",
                        "Avoid screens:",
                        "no phone",
                        "no tv",
                        "Keep the room dark.",
                        "Morning light sets the clock.",
                        "lights --off 22:00",
                        "Avoid caffeine late.",
                        "Eat lightly."),
                texts(a));
        List<List<String>> paths = a.passages().stream().map(Passage::sectionPath).toList();
        assertEquals(List.of(), paths.get(0));
        assertEquals(List.of("Habits"), paths.get(1));
        assertEquals(List.of("Habits"), paths.get(6));
        assertEquals(List.of("Habits", "Light"), paths.get(7));
        assertEquals(List.of("Habits", "Light"), paths.get(8));
        assertEquals(List.of("Food"), paths.get(9));
        assertEquals("sleep-guide.intro.1", a.passages().get(0).id());
        assertEquals("sleep-guide.habits.6", a.passages().get(6).id());
        assertEquals("sleep-guide.light.1", a.passages().get(7).id());
        assertEquals("Ada Lovelace and Alan Turing (2024). A Guide to Sleep, \"Habits › Light\", paragraph 1. /passages/sleep-guide.light.1",
                CitationOf.passage(a, a.passages().get(7)));
        assertTrue(a.passages().stream().allMatch(p -> p.kind() == PassageKind.PARAGRAPH));
    }

    @Test
    void markdownWithoutFrontMatterTakesTitleFromFirstH1() {
        Article a = single("no-front-matter.markdown");
        assertEquals("First Heading", a.title());
        assertEquals(List.of("Intro before any heading.", "Text under the first heading."), texts(a));
        assertEquals(List.of(List.of(), List.of()), a.passages().stream().map(Passage::sectionPath).toList());
    }

    @Test
    void invalidFrontMatterSkipsTheFile() {
        FileResult r = reader.readFile(FORMATS, FORMATS.resolve("bad-front-matter.md"));
        assertTrue(r.articles().isEmpty());
        assertEquals("bad-front-matter.md", r.skipped().file());
        assertTrue(r.skipped().reason().startsWith("invalid front matter: "), r.skipped().reason());
        assertFalse(r.skipped().reason().contains("\n"));
    }

    @Test
    void htmlDropsPageFurnitureAndKeepsHeadingsAndListItems() {
        Article a = single("page.html");
        assertEquals("Cold Water Swimming", a.title());
        assertEquals(new ArticleMeta(List.of("Grace Hopper"), "2023-11-05", "https://example.org/cold-water"),
                a.meta());
        assertEquals(List.of(
                        "Cold water swimming is popular.",
                        "It may improve mood.",
                        "Alertness",
                        "Morning energy",
                        "Circulation",
                        "Small studies only.",
                        "Shock: Cold shock can be dangerous.",
                        "Never swim alone."),
                texts(a));
        List<List<String>> paths = a.passages().stream().map(Passage::sectionPath).toList();
        assertEquals(List.of(List.of(), List.of("Benefits"), List.of("Benefits"), List.of("Benefits"),
                List.of("Benefits"), List.of("Benefits", "Evidence"), List.of("Risks"), List.of("Risks")), paths);
        String all = String.join(" ", texts(a));
        for (String furniture : List.of("Site name", "Home", "Skip to content", "tracking", "color", "Subscribe",
                "Related", "Copyright", "JavaScript")) {
            assertFalse(all.contains(furniture), furniture);
        }
    }

    @Test
    void jsonLinesReadsEveryGoodLineAndReportsBadOnesByLineNumber() {
        FileResult r = reader.readFile(FORMATS, FORMATS.resolve("abstracts.jsonl"));
        assertNull(r.skipped());
        assertEquals(List.of("4983", "17", "no-title", "last"), r.articles().stream().map(Article::slug).toList());
        Article numeric = r.articles().get(1);
        assertEquals("Numeric id", numeric.title());
        assertEquals("https://example.org/17", numeric.meta().url());
        assertEquals(List.of("First paragraph.", "Second paragraph."), texts(numeric));
        assertEquals(List.of("17.intro.1", "17.intro.2"), numeric.passages().stream().map(Passage::id).toList());
        assertEquals("no-title", r.articles().get(2).title());
        assertEquals("Microstructural development of white matter, paragraph 1. /passages/4983.intro.1",
                CitationOf.passage(r.articles().get(0), r.articles().get(0).passages().get(0)));
        List<String> bad = r.skippedLines().stream().map(SkippedFile::file).toList();
        assertEquals(List.of("abstracts.jsonl:4", "abstracts.jsonl:5", "abstracts.jsonl:6"), bad);
        assertTrue(r.skippedLines().get(0).reason().startsWith("invalid JSON"), r.skippedLines().get(0).reason());
        assertEquals("missing text", r.skippedLines().get(1).reason());
        assertTrue(r.skippedLines().get(2).reason().startsWith("missing id"));
    }

    @Test
    void unquotedColonInFrontMatterValueIsReadVerbatim() {
        Article a = single("colon-title.md");
        assertEquals("Kidney Failure: Choosing a Treatment", a.title());
        assertEquals("http://example.org/kidney", a.meta().url());
        assertEquals(List.of("colon-title.what-is-kidney-failure.1", "colon-title.what-is-kidney-failure-2.1"),
                a.passages().stream().map(Passage::id).toList());
        assertEquals(List.of("What is kidney failure ?"), a.passages().get(1).sectionPath());
    }

    @Test
    void plainTextGroupsAfterDoubleBlankLinesAreNotFiledUnderThePreviousHeading() {
        Article a = single("walking.txt");
        assertEquals("Walking for Health", a.title());
        assertEquals(List.of(
                        "Walking is cheap and needs no equipment.",
                        "Walking lowers blood pressure [1, 2].",
                        "It also lifts mood (Smith et al., 2019).",
                        "An unheaded aside in the middle.",
                        "Aim for thirty minutes a day [3-4].",
                        "Start slowly and build up.",
                        "Smith, J., & Doe, A. (2019). Walking and mood. Journal of walking, 3(1), 1-10.",
                        "Roe, B. (2020). Blood pressure and walking? Heart, 12, 5-9."),
                texts(a));
        assertEquals(List.of(List.of("Introduction"), List.of("Benefits"), List.of("Benefits"), List.of(),
                        List.of("How Far to Walk"), List.of("Conclusion"), List.of("References"), List.of("References")),
                a.passages().stream().map(Passage::sectionPath).toList());
        assertEquals(List.of("walking.introduction.1", "walking.benefits.1", "walking.benefits.2", "walking.intro.1",
                        "walking.how-far-to-walk.1", "walking.conclusion.1", "walking.references.1",
                        "walking.references.2"),
                a.passages().stream().map(Passage::id).toList());
        assertEquals(List.of("1", "2"), a.passages().get(1).cites());
        assertEquals(List.of("Smith 2019"), a.passages().get(2).cites());
        assertEquals(List.of("3", "4"), a.passages().get(4).cites());
        assertEquals(new Reference(2, "Roe, B.", "2020", "Blood pressure and walking?", "Heart"),
                a.passages().get(7).reference());
        assertNull(a.passages().get(0).reference());
    }

    @Test
    void duplicateJsonLinesIdIsReportedNotRenamed(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("d.jsonl"),
                "{\"_id\": \"a\", \"text\": \"One.\"}\n{\"_id\": \"a\", \"text\": \"Two.\"}\n");
        FileResult r = reader.readFile(dir, dir.resolve("d.jsonl"));
        assertEquals(List.of("One."), r.articles().stream().map(x -> x.passages().get(0).text()).toList());
        assertEquals(List.of(new SkippedFile("d.jsonl:2", "duplicate id \"a\"")), r.skippedLines());
    }

    @Test
    void markdownIndentationKeepsListContinuationsAndCode(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        java.nio.file.Files.writeString(dir.resolve("indent.md"), String.join("\n",
                "# Indent", "", "- Item one", "", "  continued under item one", "  - nested item", "",
                "Some prose:", "", "    if (x) {", "        y();", "    }", ""));
        FileResult r = reader.readFile(dir, dir.resolve("indent.md"));
        assertNull(r.skipped());
        assertEquals(List.of("Item one continued under item one", "nested item", "Some prose:",
                "if (x) {\n    y();\n}"), texts(r.articles().get(0)));
    }
}
