package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kb.index.Analyzers;
import kb.index.Fields;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which way a page's hits are marked: single words in one pass from their postings, phrases in one pass through the
 * query's matches, patterns one passage at a time. However many are marked in a pass, each passage gets the marks it
 * gets alone, in its own text: a pass over the page must not mix up doc ids and the texts handed in.
 */
class SnippetsTest {
    @TempDir
    Path tmp;

    @Test
    void queriesAreSortedByTheWayTheirMatchesAreFound() throws Exception {
        assertFalse(Snippets.hasPhrases(inText("ketamine depression")));
        assertFalse(Snippets.hasPatterns(inText("ketamine depression")));
        assertTrue(Snippets.hasPhrases(inText("\"rapid antidepressant\" effect")));
        assertTrue(Snippets.hasPatterns(inText("keta* depression")));
        assertTrue(Snippets.hasPatterns(inText("midazolm~")));
    }

    @Test
    void marksOfAPageInOnePassAreEachPassagesMarksAlone() throws Exception {
        onSeed((searcher, snippets) -> {
            SearchTimeLimit limit = new SearchTimeLimit(java.time.Duration.ofSeconds(10));
            for (String q : List.of("ketamine depression", "\"rapid antidepressant\" ketamine", "keta* infusion",
                    "NMDA receptor")) {
                Query highlight = inText(q);
                ScoreDoc[] top = searcher.search(highlight, 10).scoreDocs;
                int[] ids = new int[top.length];
                String[] texts = new String[top.length];
                // Reverse rank order, so that a mix-up of doc ids and texts would show.
                for (int i = 0; i < top.length; i++) {
                    ids[i] = top[top.length - 1 - i].doc;
                    texts[i] = searcher.storedFields().document(ids[i]).get(Fields.TEXT);
                }
                SnippetFormatter.Highlight[] page;
                try (SearchTimeLimit.Scope clock = limit.start()) {
                    page = snippets.ofHits(highlight, ids, texts, limit);
                }
                assertTrue(ids.length > 1, q);
                for (int i = 0; i < ids.length; i++) {
                    SnippetFormatter.Highlight alone;
                    try (SearchTimeLimit.Scope clock = limit.start()) {
                        alone = snippets.ofHits(highlight, new int[] {ids[i]}, new String[] {texts[i]}, limit)[0];
                    }
                    assertEquals(alone, page[i], q + " at " + i);
                    for (Span s : page[i].inText()) {
                        assertEquals(true, s.start() < s.end() && s.end() <= texts[i].length(), q + " " + s);
                    }
                }
            }
        });
    }

    @Test
    void phrasesAreMarkedAsLucenesOwnWeightMatcherMarksThem() throws Exception {
        onSeed((searcher, snippets) -> {
            // Lucene's strategy weighs the query again for every passage; kb's, once per segment.
            LucenesOwn lucenes = LucenesOwn.over(searcher, true);
            for (String q : List.of("\"rapid antidepressant\" ketamine", "\"NMDA receptor\" antagonist",
                    "\"treatment resistant depression\" \"ketamine infusion\"")) {
                Query highlight = inText(q);
                assertTrue(Snippets.hasPhrases(highlight), q);
                ScoreDoc[] top = searcher.search(highlight, 10).scoreDocs;
                assertTrue(top.length > 1, q);
                lucenes.markAlike(searcher, snippets, highlight, Arrays.stream(top).mapToInt(d -> d.doc).toArray(), q);
            }
        });
    }

    @Test
    void singleWordsAreMarkedAsLucenesOwnStrategyMarksThemAcrossSegments() throws Exception {
        // Lucene's own strategy looks every word up again for every passage.
        acrossTwoSegments(false, List.of("ketamine depression", "NMDA receptor glutamate", "midazolam ketamine esketamine"));
    }

    @Test
    void wordsBesidePhrasesAreMarkedAsLucenesOwnWeightMatcherMarksThemAcrossSegments() throws Exception {
        // kb reads the single words' postings once per segment and weighs only the phrases; Lucene weighs the whole
        // query for every passage. A word alone and inside a phrase, or twice, is marked as Lucene marks it.
        acrossTwoSegments(true, List.of("\"NMDA receptor\" ketamine glutamate", "\"ketamine infusion\" ketamine",
                "depression \"treatment resistant depression\" midazolam depression", "\"rapid antidepressant\""));
    }

    @Test
    void wordsBesidePhrasesChooseTheSentencesLucenesWeightMatcherChooses() throws Exception {
        // Lucene counts each match of a weight once, whatever the word's frequency in the passage; kb reads the words
        // from their postings, which know the frequency. Counted by frequency, the rare "sorafenib" would outweigh the
        // frequent "ketamine" and bring the last sentence into the snippet; counted once, the first two are shown.
        String filler = " was measured in every participant of the trial over twelve weeks, with ratings taken by clinicians"
                + " who did not know the allocation and who repeated each rating at the end of the week.";
        String text = "Ketamine" + filler + " Ketamine" + filler + " Ketamine" + filler + " Sorafenib" + filler;
        Path corpus = java.nio.file.Files.createDirectories(tmp.resolve("corpus"));
        java.nio.file.Files.writeString(corpus.resolve("trial.md"), "# Trial\n\n" + text + "\n");
        new kb.index.Indexer(new kb.corpus.CorpusReader()).rebuild(corpus, tmp.resolve("index"));
        try (Directory dir = FSDirectory.open(tmp.resolve("index")); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Query highlight = inText("\"gamma knife\" ketamine sorafenib");
            int[] ids = Arrays.stream(searcher.search(highlight, 10).scoreDocs).mapToInt(d -> d.doc).toArray();
            assertEquals(1, ids.length);
            LucenesOwn.over(searcher, true).markAlike(searcher, new Snippets(searcher), highlight, ids, "the trial");
            SearchTimeLimit limit = new SearchTimeLimit(java.time.Duration.ofSeconds(10));
            try (SearchTimeLimit.Scope clock = limit.start()) {
                String shown = new Snippets(searcher).ofHits(highlight, ids, new String[] {text}, limit)[0].snippet().text();
                assertFalse(shown.contains("Sorafenib"), shown);
            }
        }
    }

    /** kb's marks against Lucene's (by the query's matches or by postings) over passages of two segments. */
    private void acrossTwoSegments(boolean weightMatches, List<String> queries) throws Exception {
        // Two indexes read as one: two segments, so the postings kb opens once per segment are opened again.
        SeedIndex.build(tmp.resolve("a"), "abbrev.md");
        SeedIndex.build(tmp.resolve("b"), "receptors.md");
        try (Directory a = FSDirectory.open(tmp.resolve("a").resolve("index"));
                Directory b = FSDirectory.open(tmp.resolve("b").resolve("index"));
                MultiReader reader = new MultiReader(DirectoryReader.open(a), DirectoryReader.open(b))) {
            assertEquals(2, reader.leaves().size());
            IndexSearcher searcher = new IndexSearcher(reader);
            Snippets snippets = new Snippets(searcher);
            LucenesOwn lucenes = LucenesOwn.over(searcher, weightMatches);
            for (String q : queries) {
                Query highlight = inText(q);
                assertEquals(weightMatches, Snippets.hasPhrases(highlight), q);
                ScoreDoc[] top = searcher.search(highlight, 30).scoreDocs;
                int[] ids = Arrays.stream(top).mapToInt(d -> d.doc).sorted().toArray();
                assertTrue(ids[0] < reader.leaves().get(1).docBase && ids[ids.length - 1] >= reader.leaves().get(1).docBase,
                        q + ": passages of both segments");
                lucenes.markAlike(searcher, snippets, highlight, ids, q);
                // A passage asked for twice in one call is marked twice alike (its positions are read again).
                int[] repeated = Arrays.copyOf(ids, ids.length + 1);
                repeated[ids.length] = ids[ids.length / 2];
                lucenes.markAlike(searcher, snippets, highlight, repeated, q + ", one passage twice");
            }
        }
    }

    /** What a test does with the seed fixtures' index: its searcher and kb's snippets over it. */
    private interface OnSeed {
        void run(IndexSearcher searcher, Snippets snippets) throws Exception;
    }

    private void onSeed(OnSeed test) throws Exception {
        SeedIndex.build(tmp, "abbrev.md", "receptors.md");
        try (Directory dir = FSDirectory.open(tmp.resolve("index")); DirectoryReader reader = DirectoryReader.open(dir)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            test.run(searcher, new Snippets(searcher));
        }
    }

    /** Lucene's highlighter as it comes, with kb's formatter, scorer and sentences. */
    private static final class LucenesOwn extends UnifiedHighlighter {
        private LucenesOwn(UnifiedHighlighter.Builder builder) {
            super(builder);
        }

        /** Through the query's matches ({@code weightMatches}, as for phrases) or each word's postings. */
        static LucenesOwn over(IndexSearcher searcher, boolean weightMatches) {
            return new LucenesOwn(UnifiedHighlighter.builder(searcher, Analyzers.perField())
                    .withFormatter(new SnippetFormatter(Snippets.SHOWN))
                    .withMaxNoHighlightPassages(Snippets.SHOWN)
                    .withScorer(new SentenceScorer())
                    .withWeightMatches(weightMatches)
                    .withBreakIterator(() -> LengthGoalBreakIterator.createMinLength(
                            new SentenceBoundaries(BreakIterator.getSentenceInstance(Locale.ROOT)), 160, 0.5f)));
        }

        /** Asserts that kb marks the passages {@code ids} in one pass as this highlighter marks them. */
        void markAlike(IndexSearcher searcher, Snippets snippets, Query query, int[] ids, String q) throws Exception {
            String[] texts = new String[ids.length];
            for (int i = 0; i < ids.length; i++) {
                texts[i] = searcher.storedFields().document(ids[i]).get(Fields.TEXT);
            }
            SearchTimeLimit limit = new SearchTimeLimit(java.time.Duration.ofSeconds(10));
            SnippetFormatter.Highlight[] ours;
            try (SearchTimeLimit.Scope clock = limit.start()) {
                ours = snippets.ofHits(query, ids, texts, limit);
            }
            Object[] theirs = highlightFieldsAsObjects(new String[] {Fields.TEXT}, query, ids, new int[] {1_000})
                    .get(Fields.TEXT);
            for (int i = 0; i < ids.length; i++) {
                assertEquals(theirs[i], ours[i], q + " at " + i);
            }
        }
    }

    private static Query inText(String q) throws BadQueryException {
        UserQueryParser parser = new UserQueryParser();
        return FieldQueries.restrict(parser.parse(q).main(), Fields.TEXT);
    }
}
