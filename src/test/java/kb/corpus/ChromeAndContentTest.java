package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is furniture and what is content at the edges: a sentence a site repeats inside its articles stays, page
 * furniture left in Markdown exports goes, and only real reference-list headings make entries references.
 */
class ChromeAndContentTest {
    @TempDir
    Path corpus;

    @Test
    void aSentenceRepeatedAtTheEndOfEverySitesArticleIsContent() throws IOException {
        for (String name : List.of("a", "b")) {
            Files.writeString(corpus.resolve(name + ".html"), "<html><head><title>Condition " + name + "</title></head><body>"
                    + "<header><a href='/'>Home</a> <a href='/x'>Topics</a></header><main><h1>Condition " + name + "</h1>"
                    + "<p>Condition " + name + " is a rare disorder that affects the way the body handles some proteins, "
                    + "described here at length for readers.</p><h2>Inheritance</h2>"
                    + "<p>This condition is inherited in an autosomal recessive pattern.</p>"
                    + "<p>Williams WW, Taylor JW: Reference shared by both. J Test 2016, 1:1-2.</p></main>"
                    + "<footer><a href='/about'>About us</a> <a href='/contact'>Contact</a></footer></body></html>");
        }
        List<Article> articles = read();
        for (Article a : articles) {
            List<String> texts = a.passages().stream().map(Passage::text).toList();
            assertTrue(texts.contains("This condition is inherited in an autosomal recessive pattern."), texts.toString());
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("Williams WW")), texts.toString());
            assertFalse(texts.stream().anyMatch(t -> t.contains("About us")), "the shared footer is chrome: " + texts);
        }
    }

    @Test
    void markdownFurnitureAndSpacerTablesAreNotPassages() throws IOException {
        Files.writeString(corpus.resolve("export.md"), "# Guide\n\nTop\n\n| [Home](/) | [News](/n) | spacer |\n|---|---|---|\n"
                + "| [A](/a) | [B](/b) | spacer |\n\nThe guide explains sleep hygiene in plain words.\n\nPrint\n");
        List<String> texts = read().get(0).passages().stream().map(Passage::text).toList();
        assertEquals(List.of("The guide explains sleep hygiene in plain words."), texts);
    }

    @Test
    void proseUnderALiteratureHeadingIsNotAReferenceList() throws IOException {
        Files.writeString(corpus.resolve("culture.md"), "# Culture\n\n## Literature\n\nThe country's literature began with "
                + "epic poems (1200).\n\n## References\n\nSmith, J. (2001). A title. A journal.\n");
        List<Passage> passages = read().get(0).passages();
        assertEquals(PassageKind.PARAGRAPH, passages.get(0).kind(), passages.toString());
        assertEquals(PassageKind.REFERENCE, passages.get(1).kind(), passages.toString());
    }

    private List<Article> read() throws IOException {
        List<Article> articles = new ArrayList<>();
        new CorpusReader().read(corpus, articles::add);
        return articles;
    }
}
