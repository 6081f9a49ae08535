package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 6: a query's cost is bounded before it runs, and its time while it runs. */
class BoundedQueryTest {
    @TempDir
    static Path tmp;
    static LuceneSearchEngine service;

    @BeforeAll
    static void index() throws IOException {
        SeedIndex.build(tmp);
        service = LuceneSearchEngine.open(tmp.resolve("index"));
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    /** {@code words} repeated, space-separated, to at most 1,000 characters (the query length limit). */
    static String repeatedTo1000(String words) {
        StringBuilder q = new StringBuilder(words);
        while (q.length() + 1 + words.length() <= UserQueryParser.MAX_QUERY_CHARS) {
            q.append(' ').append(words);
        }
        return q.toString();
    }

    static SearchPage exact(LuceneSearchEngine s, String q) throws BadQueryException {
        return s.search(new SearchRequest(q, 1, 10, null, null, false));
    }

    @Test
    void theIssuesFuzzyQueryRepeatedTo1000CharactersIsRefusedNamingTheFuzzyWords() {
        String q = repeatedTo1000("diabetes~2 cancer~2 disease~2 treatment~2 genetic~2");
        BadQueryException e = assertThrows(BadQueryException.class, () -> service.search(SearchRequest.of(q)));
        assertTrue(e.getMessage().contains("fuzzy (~) words"), e.getMessage());
        assertTrue(e.getMessage().contains("at most " + QueryBudget.MAX_EXPANDING_WORDS), e.getMessage());
    }

    @Test
    void fiveDistinctFuzzyWordsAreWithinTheBudget() throws Exception {
        assertTrue(exact(service, "ketamine~2 midazolam~1 placebo~1 depression~2 receptor~1").total() > 0);
    }

    @Test
    void fortyRangesAreRefusedNamingTheRanges() {
        String q = IntStream.range(0, 40).mapToObj(i -> "[a TO zzzz]").collect(Collectors.joining(" "));
        BadQueryException e = assertThrows(BadQueryException.class, () -> service.search(SearchRequest.of(q)));
        assertTrue(e.getMessage().contains("40 ranges"), e.getMessage());
    }

    @Test
    void aRepeatedWildcardCountsEveryTimeItAppears() {
        BadQueryException e = assertThrows(BadQueryException.class,
                () -> service.search(SearchRequest.of("keta* keta* keta* keta* keta* keta*")));
        assertTrue(e.getMessage().contains("6 wildcard (* or ?) words"), e.getMessage());
    }

    @Test
    void manyDistinctWordsAreRefusedOnceEveryFieldClauseIsCounted() {
        // 300 two-letter words (some are stop words): each is searched in headings, titles, text and exact text.
        String q = IntStream.range(0, 300).mapToObj(i -> "" + (char) ('a' + i % 26) + (char) ('a' + i / 26))
                .collect(Collectors.joining(" "));
        BadQueryException e = assertThrows(BadQueryException.class, () -> service.search(SearchRequest.of(q)));
        assertTrue(e.getMessage().contains("too many terms"), e.getMessage());
    }

    @Test
    void fuzzyFindsWordsWithinTheEditsAskedFor() throws Exception {
        SearchPage oneEdit = exact(service, "midazolom~1");
        assertTrue(oneEdit.total() > 0, "midazolom is one edit from midazolam");
        assertTrue(oneEdit.hits().get(0).snippet().markedWords().contains("midazolam"), oneEdit.hits().get(0).snippet().toString());
        assertEquals(0, exact(service, "midazzolom~1").total(), "two edits away: ~1 does not reach it");
        assertTrue(exact(service, "midazzolom~2").total() > 0, "~2 does");
        assertTrue(exact(service, "midazzolom~").total() > 0, "~ alone is two edits");
    }

    @Test
    void pastATinyTimeLimitTheSearchStopsWithATimeoutNotPartialResults() throws Exception {
        try (LuceneSearchEngine limited = LuceneSearchEngine.open(tmp.resolve("index"), Duration.ofNanos(1))) {
            for (String q : new String[] {"midazolam~1", "[a TO zzzz]", "keta*", "ketamine"}) {
                SearchTimeoutException e = assertThrows(SearchTimeoutException.class, () -> exact(limited, q), q);
                assertTrue(e.getMessage().contains("longer than the time limit"), e.getMessage());
            }
            assertThrows(SearchTimeoutException.class, () -> limited.article("ketamines-for-depression", "keta*"));
        }
    }

    @Test
    void theTimeLimitOnlyStopsTheThreadWhoseSearchIsLate() {
        SearchTimeLimit limit = new SearchTimeLimit(Duration.ofNanos(1));
        assertTrue(!limit.shouldExit(), "no search under way on this thread");
        try (SearchTimeLimit.Scope clock = limit.start()) {
            assertTrue(limit.shouldExit());
        }
        assertTrue(!limit.shouldExit(), "the clock stops with its scope");
    }
}
