package kb.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import kb.corpus.CorpusReader;
import kb.search.LuceneSearchEngine;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.testing.SharedMeaning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Meaning vectors in the index: every passage gets one, text embedded before is never embedded again (updates and
 * full rebuilds alike), vectors survive updates of other articles, a budget spreads the work over runs, and an
 * index without vectors works as before.
 */
class MeaningIndexTest {
    @TempDir
    Path tmp;
    Path corpus;
    Path index;
    final Indexer indexer = new Indexer(new CorpusReader());
    final SharedMeaning.Counting embedder = SharedMeaning.counting();

    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nKetamine eases depression within hours.\n\n"
                + "Midazolam served as the active placebo.\n\nSide effects faded by the next day.\n");
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nSerotonin reuptake inhibitors take weeks to work.\n");
        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nDopamine shapes reward learning.\n");
    }

    private IndexReport run(Indexer.Mode mode, int budget) throws IOException {
        return indexer.index(corpus, index, mode, IndexProgress.NONE,
                Indexer.Options.DEFAULT.withEmbedder(embedder, budget));
    }

    private IndexReport update() throws IOException {
        return run(Indexer.Mode.INCREMENTAL, Indexer.Options.UNLIMITED);
    }

    @Test
    void aModelThatCannotLoadStopsTheRunWithItsReasonAndTheIndexStaysAsItWas() throws IOException {
        update();
        long before = IndexContents.generation(index);
        Map<String, String> documents = IndexContents.documents(index);
        Files.writeString(corpus.resolve("delta.md"), "# Delta\n\nNoradrenaline keeps us alert.\n");
        kb.meaning.Embedder unloadable = new kb.meaning.Embedder() {
            @Override
            public void ready() {
                throw new IllegalStateException("the model did not load (no room)");
            }

            @Override
            public int dimensions() {
                return embedder.dimensions();
            }

            @Override
            public String modelId() {
                return embedder.modelId();
            }

            @Override
            public float[][] embed(java.util.List<String> texts) {
                throw new AssertionError("embedding before the model is ready");
            }

            @Override
            public float[] embedQuery(String query) {
                throw new AssertionError("no query here");
            }

            @Override
            public void close() {
            }
        };
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> indexer.index(corpus, index, Indexer.Mode.INCREMENTAL, IndexProgress.NONE,
                        Indexer.Options.DEFAULT.withEmbedder(unloadable, Indexer.Options.UNLIMITED)));
        assertEquals("the model did not load (no room)", e.getMessage());
        assertEquals(before, IndexContents.generation(index));
        assertEquals(documents, IndexContents.documents(index));
        assertEquals(0, update().skipped().size());
        assertTrue(IndexContents.documents(index).containsKey("delta.intro.1"), "the next run with a model adds it");
    }

    @Test
    void everyPassageGetsItsTextsUnitVectorAndTheCommitNamesTheModel() throws IOException {
        IndexReport report = update();
        assertEquals(5, embedder.take());
        assertEquals(new IndexReport.Meaning(5, 5, report.meaning().embedMillis()), report.meaning());
        assertTrue(report.summary().contains("Meaning: 5 of 5 passages have a vector; embedded 5 in "), report.summary());
        Map<String, float[]> vectors = IndexContents.vectors(index);
        assertEquals(IndexContents.documents(index).keySet(), vectors.keySet());
        // The title stands above the text: what a paragraph is about is often said only there.
        float[] expected = SharedMeaning.embedder().embed(java.util.List.of("Gamma\nDopamine shapes reward learning."))[0];
        assertArrayEquals(expected, vectors.get("gamma.intro.1"));
        assertEquals(PassageVectors.markerOf(embedder.modelId()), IndexContents.commitData(index).get(Fields.COMMIT_MEANING_MODEL));
        IndexMeaning meaning = IndexMeaning.of(index);
        assertEquals(new IndexMeaning(false, PassageVectors.markerOf(embedder.modelId()), 5, 5), meaning);
        assertTrue(meaning.complete());
    }

    @Test
    void anUnchangedCorpusEmbedsNothingOnAnUpdateNorOnAFullRebuild() throws IOException {
        update();
        embedder.take();
        Map<String, float[]> before = IndexContents.vectors(index);
        long generation = IndexContents.generation(index);

        IndexReport again = update();
        assertEquals(0, embedder.take(), "an update of an unchanged corpus embeds nothing");
        assertTrue(again.upToDate());
        assertEquals(generation, IndexContents.generation(index), "and commits nothing");
        assertEquals(5, again.meaning().withMeaning());

        IndexReport full = run(Indexer.Mode.FULL, Indexer.Options.UNLIMITED);
        assertEquals(0, embedder.take(), "a full rebuild finds every text's vector in the last commit");
        assertEquals(new IndexReport.Meaning(0, 5, 0), full.meaning());
        assertSameVectors(before, IndexContents.vectors(index));
        assertTrue(IndexMeaning.of(index).complete());
    }

    @Test
    void anEditedPassageGetsANewVectorAndItsNeighboursAreNotEmbeddedAgain() throws IOException {
        update();
        embedder.take();
        Map<String, float[]> before = IndexContents.vectors(index);
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nKetamine eases depression within hours.\n\n"
                + "Saline served as the inactive placebo.\n\nSide effects faded by the next day.\n");
        IndexReport report = update();
        assertEquals(new IndexReport.Changes(0, 1, 0, 2), report.changes());
        assertEquals(1, embedder.take(), "only the edited passage is embedded");
        Map<String, float[]> after = IndexContents.vectors(index);
        assertEquals(before.keySet(), after.keySet());
        assertFalse(Arrays.equals(before.get("alpha.intro.2"), after.get("alpha.intro.2")), "the edited passage's vector is new");
        before.remove("alpha.intro.2");
        after.remove("alpha.intro.2");
        assertSameVectors(before, after);
        assertTrue(IndexMeaning.of(index).complete());
    }

    @Test
    void vectorsSurviveUpdatesOfOtherArticlesWithOrWithoutTheModel() throws IOException {
        update();
        embedder.take();
        Map<String, float[]> before = IndexContents.vectors(index);

        // With the model: only the new article is embedded.
        Files.delete(corpus.resolve("gamma.md"));
        Files.writeString(corpus.resolve("delta.md"), "# Delta\n\nNoradrenaline keeps us alert.\n");
        IndexReport report = update();
        assertEquals(new IndexReport.Changes(1, 0, 1, 2), report.changes());
        assertEquals(1, embedder.take());
        Map<String, float[]> after = IndexContents.vectors(index);
        assertEquals(Set.of("alpha.intro.1", "alpha.intro.2", "alpha.intro.3", "beta.intro.1", "delta.intro.1"), after.keySet());
        before.remove("gamma.intro.1");
        assertSameVectors(before, Map.copyOf(after).entrySet().stream().filter(e -> !e.getKey().startsWith("delta"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));

        // Without the model: an edited article keeps the vectors of its unchanged passages, and the new text waits.
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nKetamine eases depression within hours.\n\n"
                + "Midazolam served as the active placebo.\n\nA new third paragraph.\n");
        Files.writeString(corpus.resolve("epsilon.md"), "# Epsilon\n\nGABA calms neurons down.\n");
        IndexReport lexical = indexer.update(corpus, index);
        assertEquals(new IndexReport.Changes(1, 1, 0, 2), lexical.changes());
        Map<String, float[]> carried = IndexContents.vectors(index);
        assertEquals(Set.of("alpha.intro.1", "alpha.intro.2", "beta.intro.1", "delta.intro.1"), carried.keySet());
        assertArrayEquals(after.get("alpha.intro.1"), carried.get("alpha.intro.1"));
        assertEquals(new IndexMeaning(false, PassageVectors.markerOf(embedder.modelId()), 6, 4), IndexMeaning.of(index));

        // The next run with the model embeds just the two new texts.
        IndexReport filled = update();
        assertEquals(2, embedder.take());
        assertEquals(new IndexReport.Changes(0, 0, 0, 4), filled.changes());
        assertTrue(filled.committed(), "articles rewritten only for their vectors are a change worth a commit");
        assertTrue(IndexMeaning.of(index).complete());
    }

    @Test
    void aBudgetEmbedsAtMostThatManyTextsAndTheNextRunGoesOn() throws IOException {
        IndexReport first = run(Indexer.Mode.INCREMENTAL, 2);
        assertEquals(2, embedder.take());
        assertEquals(2, first.meaning().withMeaning());
        assertEquals(5, first.passages(), "every article is indexed; some wait for vectors");
        assertEquals(Set.of("alpha.intro.1", "alpha.intro.2"), IndexContents.vectors(index).keySet());

        IndexReport second = run(Indexer.Mode.INCREMENTAL, 2);
        assertEquals(2, embedder.take());
        assertEquals(4, second.meaning().withMeaning());
        assertTrue(second.committed());

        IndexReport third = run(Indexer.Mode.INCREMENTAL, 2);
        assertEquals(1, embedder.take());
        assertEquals(5, third.meaning().withMeaning());
        assertTrue(IndexMeaning.of(index).complete());

        long generation = IndexContents.generation(index);
        IndexReport fourth = run(Indexer.Mode.INCREMENTAL, 2);
        assertEquals(0, embedder.take());
        assertTrue(fourth.upToDate());
        assertEquals(generation, IndexContents.generation(index));
    }

    @Test
    void aBudgetOfNothingIndexesTheTextAndLeavesUnchangedArticlesAsTheyAre() throws IOException {
        indexer.update(corpus, index);
        long generation = IndexContents.generation(index);
        IndexReport report = run(Indexer.Mode.INCREMENTAL, 0);
        assertEquals(0, embedder.take());
        assertTrue(report.upToDate(), report.summary());
        assertEquals(generation, IndexContents.generation(index), "nothing to embed: nothing changes");
        assertTrue(IndexContents.vectors(index).isEmpty());
    }

    @Test
    void aPassageIsEmbeddedUnderItsTitleAndHeadingsSoAChangedHeadingEmbedsItAgain() throws IOException {
        Files.writeString(corpus.resolve("delta.md"), "# Delta fever\n\n## How is it treated?\n\nRest and fluids.\n");
        update();
        embedder.take();
        String id = IndexContents.vectors(index).keySet().stream().filter(k -> k.startsWith("delta.")).findFirst()
                .orElseThrow();
        float[] expected = SharedMeaning.embedder()
                .embed(java.util.List.of("Delta fever\nHow is it treated?\nRest and fluids."))[0];
        assertArrayEquals(expected, IndexContents.vectors(index).get(id));

        Files.writeString(corpus.resolve("delta.md"), "# Delta fever\n\n## What causes it?\n\nRest and fluids.\n");
        update();
        assertEquals(1, embedder.take(), "the same words under another heading mean something else");
    }

    @Test
    void anotherModelEmbedsEverythingAgain() throws IOException {
        update();
        embedder.take();
        SharedMeaning.Counting other = embedder.asModel("another-model");
        indexer.index(corpus, index, Indexer.Mode.INCREMENTAL, IndexProgress.NONE,
                Indexer.Options.DEFAULT.withEmbedder(other, Indexer.Options.UNLIMITED));
        assertEquals(5, other.take(), "no vector of the old model is taken for the new one");
        assertEquals(PassageVectors.markerOf("another-model"), IndexContents.commitData(index).get(Fields.COMMIT_MEANING_MODEL));
        assertTrue(IndexMeaning.of(index).complete());
    }

    @Test
    void meaningOffIsRecordedAndRewrittenArticlesLoseTheirVectors() throws IOException {
        update();
        embedder.take();
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nSerotonin reuptake inhibitors take weeks.\n");
        indexer.index(corpus, index, Indexer.Mode.INCREMENTAL, IndexProgress.NONE,
                Indexer.Options.DEFAULT.withMeaning(MeaningSwitch.OFF));
        assertEquals("off", IndexContents.commitData(index).get(Fields.COMMIT_MEANING));
        assertFalse(IndexContents.vectors(index).containsKey("beta.intro.1"));
        assertTrue(IndexMeaning.of(index).off());

        indexer.update(corpus, index);
        assertTrue(IndexMeaning.of(index).off(), "a later run keeps the index's setting");
        indexer.index(corpus, index, Indexer.Mode.INCREMENTAL, IndexProgress.NONE,
                Indexer.Options.DEFAULT.withEmbedder(embedder, Indexer.Options.UNLIMITED).withMeaning(MeaningSwitch.ON));
        assertEquals(1, embedder.take());
        assertFalse(IndexMeaning.of(index).off());
        assertTrue(IndexMeaning.of(index).complete());
    }

    @Test
    void anIndexWithoutVectorsOpensAndSearchesWithTheEmbedderGiven() throws Exception {
        indexer.update(corpus, index);
        assertNull(IndexContents.commitData(index).get(Fields.COMMIT_MEANING_MODEL));
        assertEquals(new IndexMeaning(false, null, 5, 0), IndexMeaning.of(index));
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index, Duration.ofSeconds(2), embedder)) {
            assertEquals(0, search.state().withMeaning());
            assertFalse(search.state().meaningOn());
            SearchPage page = search.search(SearchRequest.of("dopamine"));
            assertEquals(1, page.total());
            update();
            search.refresh();
            assertTrue(search.state().meaningOn());
        }
    }

    private static void assertSameVectors(Map<String, float[]> expected, Map<String, float[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((id, v) -> assertArrayEquals(v, actual.get(id), id));
    }
}
