package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kb.corpus.CorpusReader;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An incremental update rewrites exactly the articles whose content changed and keeps every other document as it was. */
class IncrementalIndexTest {
    @TempDir
    Path tmp;
    Path corpus;
    Path index;
    final Indexer indexer = new Indexer(new CorpusReader());

    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nAlpha talks about glutamate.\n\nA second alpha paragraph.\n");
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nBeta talks about serotonin.\n");
        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nGamma talks about dopamine.\n");
    }

    @Test
    void firstUpdateBuildsEverythingAndASecondChangesNothing() throws IOException {
        IndexReport first = indexer.update(corpus, index);
        assertEquals(new IndexReport.Changes(3, 0, 0, 0), first.changes());
        Map<String, String> docs = IndexContents.documents(index);
        long generation = IndexContents.generation(index);
        IndexReport second = indexer.update(corpus, index);
        assertEquals(new IndexReport.Changes(0, 0, 0, 3), second.changes());
        assertEquals(docs, IndexContents.documents(index));
        assertEquals(4, second.passages());
        assertEquals(generation, IndexContents.generation(index), "an update that changes nothing commits nothing");
        assertFalse(second.committed());
        assertTrue(second.upToDate());
        assertTrue(second.summary().contains("Incremental update: 0 added, 0 changed, 0 deleted, 3 unchanged."), second.summary());
        assertTrue(second.summary().contains("Nothing changed; the index is up to date."), second.summary());
    }

    @Test
    void onlyChangedArticlesAreRewrittenAndDeletedOnesDisappear() throws IOException {
        indexer.update(corpus, index);
        Map<String, String> before = IndexContents.documents(index);
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nBeta now talks about noradrenaline.\n");
        Files.delete(corpus.resolve("gamma.md"));
        Files.writeString(corpus.resolve("delta.md"), "# Delta\n\nDelta is new.\n");
        IndexReport report = indexer.update(corpus, index);
        assertEquals(new IndexReport.Changes(1, 1, 1, 1), report.changes());

        Map<String, String> docs = IndexContents.documents(index);
        assertEquals(List.of("alpha.intro.1", "alpha.intro.2", "beta.intro.1", "delta.intro.1"), List.copyOf(docs.keySet()));
        assertEquals("Beta now talks about noradrenaline.", docs.get("beta.intro.1"));
        assertEquals(before.get("alpha.intro.1"), docs.get("alpha.intro.1"));
        assertEquals(before.get("alpha.intro.2"), docs.get("alpha.intro.2"));
        assertClean();
    }

    @Test
    void fullRebuildGivesTheSameDocumentsAsIncrementalUpdates() throws IOException {
        indexer.update(corpus, index);
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nChanged beta.\n");
        Files.delete(corpus.resolve("alpha.md"));
        indexer.update(corpus, index);
        Map<String, String> incremental = IndexContents.documents(index);
        IndexReport full = indexer.index(corpus, index, Indexer.Mode.FULL);
        assertEquals(Indexer.Mode.FULL, full.mode());
        assertEquals(new IndexReport.Changes(0, 0, 0, 2), full.changes());
        assertEquals(incremental, IndexContents.documents(index));
        assertTrue(full.summary().contains("Full rebuild"), full.summary());
    }

    @Test
    void synonymEditsReachTheCommitEvenWhenNoArticleChanged() throws IOException {
        indexer.update(corpus, index);
        Files.writeString(corpus.resolve(CorpusReader.SYNONYMS_FILE), "glutamate, glutamic acid\n");
        IndexReport report = indexer.update(corpus, index);
        assertEquals(new IndexReport.Changes(0, 0, 0, 3), report.changes());
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            assertTrue(r.getIndexCommit().getUserData().values().stream().anyMatch(v -> v.contains("glutamic")),
                    "the synonym list is in the commit");
        }
        assertFalse(Indexer.isStale(corpus, index));
    }

    @Test
    void progressIsReportedForEveryArticleReadInBothModes() throws IOException {
        for (Indexer.Mode mode : Indexer.Mode.values()) {
            long[] last = new long[2];
            indexer.index(corpus, index, mode, (articles, passages, done, total) -> {
                last[0] = articles;
                last[1] = passages;
            });
            assertEquals(3, last[0], mode + " articles");
            assertEquals(4, last[1], mode + " passages");
        }
    }

    @Test
    void aFullRebuildReplacesAnIndexThatCannotBeRead() throws IOException {
        indexer.update(corpus, index);
        // Damage the segments' data (postings, stored fields); the commit point and segment headers still name them.
        try (var files = Files.list(index)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("_")
                    && !f.getFileName().toString().endsWith(".si")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        assertThrows(IOException.class, () -> indexer.update(corpus, index));
        IndexReport full = indexer.index(corpus, index, Indexer.Mode.FULL);
        assertTrue(full.committed());
        assertEquals(4, IndexContents.documents(index).size());
        assertClean();
    }



    private void assertClean() throws IOException {
        try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean);
        }
    }
}
