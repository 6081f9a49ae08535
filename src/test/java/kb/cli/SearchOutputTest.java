package kb.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import kb.search.ArticleHit;
import kb.search.Facets;
import kb.search.MarkedText;
import kb.search.MatchedBy;
import kb.search.SearchHit;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.Span;
import org.junit.jupiter.api.Test;

/** What {@code kb search} prints for hits found by meaning, and for a search by meaning that used words. */
class SearchOutputTest {
    @Test
    void aHitFoundByMeaningSaysSoAfterItsKind() {
        String out = print(SearchMode.HYBRID, SearchMode.HYBRID, hit("a.s.1", MatchedBy.WORDS, List.of(new Span(0, 8))),
                hit("a.s.2", MatchedBy.MEANING, List.of()), hit("a.s.3", MatchedBy.BOTH, List.of(new Span(0, 8))));
        assertTrue(out.contains("1. Title › Section  [paragraph, score 1.00]"), out);
        assertTrue(out.contains("2. Title › Section  [paragraph (by meaning), score 1.00]"), out);
        assertTrue(out.contains("3. Title › Section  [paragraph, score 1.00]"), out);
        assertTrue(out.contains("   [ketamine] works"), "words: marked");
        assertTrue(out.contains("   ketamine works"), "meaning: nothing marked");
        assertFalse(out.contains("Matched by words only"), out);
    }

    @Test
    void askingForMeaningAloneSaysWhenWordsWereUsed() {
        String out = print(SearchMode.SEMANTIC, SearchMode.LEXICAL, hit("a.s.1", MatchedBy.WORDS, List.of()));
        assertTrue(out.contains("Matched by words only"), out);
        assertFalse(print(SearchMode.HYBRID, SearchMode.LEXICAL, hit("a.s.1", MatchedBy.WORDS, List.of()))
                .contains("Matched by words only"), "not for the default");
    }

    @Test
    void theArticlesASearchIsAboutComeBeforeThePassages() {
        SearchPage page = new SearchPage("ketamine", 3, 1, 1, 10, List.of(hit("a.s.1", MatchedBy.WORDS, List.of())),
                Facets.EMPTY, List.of(), null, List.of(), SearchMode.LEXICAL, 3,
                List.of(new ArticleHit("a", "Title", 1f, 2), new ArticleHit("b", "Other", 0.5f, 1)));
        StringWriter text = new StringWriter();
        SearchCommand.print(page, SearchMode.LEXICAL, new PrintWriter(text, true));
        String out = text.toString();
        assertTrue(out.contains("Articles about this: Title (2 passages); Other (1 passage)\n"), out);
        assertTrue(out.indexOf("Articles about this") < out.indexOf("1. Title"), out);
    }

    private static String print(SearchMode asked, SearchMode used, SearchHit... hits) {
        SearchPage page = new SearchPage("ketamine", hits.length, 1, 1, 10, List.of(hits), Facets.EMPTY, List.of(), null,
                List.of(), used, hits.length);
        StringWriter text = new StringWriter();
        SearchCommand.print(page, asked, new PrintWriter(text, true));
        return text.toString();
    }

    private static SearchHit hit(String id, MatchedBy by, List<Span> marks) {
        return new SearchHit(id, "a", "Title", "Section", List.of("Section"), "paragraph", 1, "ketamine works",
                new MarkedText("ketamine works", marks), marks, null, List.of(), "", by, 1f);
    }
}
