package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Passage ids are stable across rebuilds and do not move when another section is edited. */
class PassageIdTest {
    private final CorpusReader reader = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES);

    private List<String> ids(Path dir) throws IOException {
        List<Article> articles = new ArrayList<>();
        reader.read(dir, articles::add);
        return articles.stream().flatMap(a -> a.passages().stream()).map(Passage::id).toList();
    }

    @Test
    void idsAreIdenticalAcrossTwoReads(@TempDir Path dir) throws IOException {
        Files.copy(SeedArticleTest.SEED, dir.resolve("ketamines-for-depression.txt"));
        List<String> first = ids(dir);
        assertEquals(13, first.size());
        assertEquals(first, ids(dir));
    }

    @Test
    void editingOneSectionLeavesTheOtherSectionsIdsAlone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ketamines-for-depression.txt");
        Files.copy(SeedArticleTest.SEED, file);
        List<String> before = ids(dir);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // Add a second paragraph to "What is Ketamine?" and rewrite the introduction's wording.
        String edited = text.replace("its malfunction is implicated in depression.",
                        "its malfunction is implicated in depression.\n\nA second paragraph about ketamine.")
                .replace("Depression is a serious mental disorder", "Depression is a grave mental disorder");
        Files.writeString(file, edited, StandardCharsets.UTF_8);
        List<String> after = ids(dir);
        assertEquals(before.size() + 1, after.size());
        assertTrue(after.contains("ketamines-for-depression.what-is-ketamine.2"));
        List<String> unchanged = new ArrayList<>(after);
        unchanged.remove("ketamines-for-depression.what-is-ketamine.2");
        assertEquals(before, unchanged);
    }

    @Test
    void repeatedSectionHeadingsAndFileStemsGetNumberedSlugs(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        String text = "Notes\n\nSummary\n\nFirst summary text.\n\nSummary\n\nSecond summary text.\n";
        Files.writeString(dir.resolve("a/My Notes.txt"), text);
        Files.writeString(dir.resolve("b/my-notes.txt"), text);
        List<Article> articles = new ArrayList<>();
        reader.read(dir, articles::add);
        assertEquals(List.of("my-notes", "my-notes-2"), articles.stream().map(Article::slug).toList());
        assertEquals(List.of("my-notes.summary.1", "my-notes.summary-2.1"),
                articles.get(0).passages().stream().map(Passage::id).toList());
        assertEquals("a/My Notes.txt", articles.get(0).sourceFile());
    }

    @Test
    void longSectionHeadingsAreCutAtAWordBoundary() {
        String slug = Slugs.sectionSlug("What are the genetic changes related to autosomal dominant nocturnal frontal "
                + "lobe epilepsy");
        assertTrue(slug.length() <= 60, slug);
        assertEquals("what-are-the-genetic-changes-related-to-autosomal-dominant", slug);
        assertEquals("muller-s-notes", Slugs.slugify("  Müller's  Notes!! "));
    }

    @Test
    void passagesOutsideAnySectionUseIntroAndCiteWithoutSection() {
        ArticleBuilder b = new ArticleBuilder("doc", "A Title.", "doc.jsonl", ArticleMeta.EMPTY);
        b.add("Some text.");
        Article a = b.build();
        Passage p = a.passages().get(0);
        assertEquals("doc.intro.1", p.id());
        assertEquals("A Title, paragraph 1. /passages/doc.intro.1", CitationOf.passage(a, p));
    }
}
