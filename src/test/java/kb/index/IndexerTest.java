package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kb.corpus.CorpusReader;
import kb.corpus.CorpusScan;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexerTest {
    static final Path SEED = Path.of("corpus", "ketamines-for-depression.txt");

    @TempDir
    Path tmp;
    Path corpus;
    Path index;
    final CorpusReader reader = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES);

    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.copy(SEED, corpus.resolve(SEED.getFileName()));
    }

    @Test
    void rebuildReportsArticlesPassagesByKindAndSkippedFiles() throws IOException {
        Files.write(corpus.resolve("broken.txt"), new byte[] {'a', 0, 'b'});
        IndexReport report = new Indexer(reader).rebuild(corpus, index);
        assertTrue(report.committed());
        assertEquals(1, report.articles());
        assertEquals(Map.of("paragraph", 7, "faq", 3, "reference", 3), report.passagesByKind());
        assertEquals(1, report.skipped().size());
        assertEquals("broken.txt", report.skipped().get(0).file());
        assertTrue(report.summary().contains("13 passages"), report.summary());
        assertTrue(report.summary().contains("broken.txt"), report.summary());
    }

    @Test
    void rebuildingAnUnchangedCorpusGivesTheSameIds() throws IOException {
        new Indexer(reader).rebuild(corpus, index);
        List<String> first = ids();
        new Indexer(reader).rebuild(corpus, index);
        assertEquals(first, ids());
        assertEquals(13, first.size());
        assertEquals(first.size(), first.stream().distinct().count(), "ids are unique");
    }

    @Test
    void aRebuildThatFailsHalfwayLeavesThePreviousIndexIntactAndClean() throws Exception {
        new Indexer(reader).rebuild(corpus, index);
        List<String> before = ids();
        Files.writeString(corpus.resolve("second.md"), "# Second\n\nAnother article about glutamate.\n");
        Indexer failing = new Indexer((dir, kept, sink) -> {
            CorpusScan scan = reader.read(dir, kept, new java.util.function.Consumer<>() {
                int seen;

                @Override
                public void accept(kb.corpus.Article article) {
                    sink.accept(article);
                    if (++seen == 1) {
                        throw new IllegalStateException("disk on fire");
                    }
                }
            });
            return scan;
        });
        assertThrows(IllegalStateException.class, () -> failing.rebuild(corpus, index));
        assertEquals(before, ids());
        assertClean();
    }

    @Test
    void aReaderInterruptedMidwayFailsTheRebuildInsteadOfHanging() throws Exception {
        new Indexer(reader).rebuild(corpus, index);
        List<String> before = ids();
        Files.writeString(corpus.resolve("second.md"), "# Second\n\nAnother article about glutamate.\n");
        // The reading thread finds itself interrupted, as when a source restores an interrupt it caught.
        Indexer interrupted = new Indexer((dir, kept, sink) -> reader.read(dir, kept, article -> {
            Thread.currentThread().interrupt();
            sink.accept(article);
        }));
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> assertThrows(java.io.InterruptedIOException.class, () -> interrupted.rebuild(corpus, index)));
        assertEquals(before, ids());
        assertClean();
        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("kb-index-reader") && t.isAlive()), "the reading thread has ended");
    }

    @Test
    void aCorpusWithNothingIndexableLeavesThePreviousIndex() throws IOException {
        new Indexer(reader).rebuild(corpus, index);
        List<String> before = ids();
        Files.delete(corpus.resolve(SEED.getFileName()));
        Files.writeString(corpus.resolve("empty.txt"), "  \n");
        IndexReport report = new Indexer(reader).rebuild(corpus, index);
        assertFalse(report.committed());
        assertTrue(report.summary().contains("previous index"), report.summary());
        assertEquals(before, ids());
    }

    @Test
    void theIndexIsStaleWhenMissingOrWhenTheCorpusChanges() throws IOException {
        assertTrue(Indexer.isStale(corpus, index));
        new Indexer(reader).rebuild(corpus, index);
        assertFalse(Indexer.isStale(corpus, index));
        Path seed = corpus.resolve(SEED.getFileName());
        Files.setLastModifiedTime(seed, FileTime.fromMillis(Files.getLastModifiedTime(seed).toMillis() + 5_000));
        assertTrue(Indexer.isStale(corpus, index));
        new Indexer(reader).rebuild(corpus, index);
        Files.writeString(corpus.resolve("new.md"), "# New\n\nText.\n");
        assertTrue(Indexer.isStale(corpus, index));
    }

    @Test
    void theSynonymListIsStoredAndAMalformedOneIsReportedNotFatal() throws IOException {
        Files.writeString(corpus.resolve(CorpusReader.SYNONYMS_FILE), "spravato, esketamine\n");
        IndexReport good = new Indexer(reader).rebuild(corpus, index);
        assertTrue(good.skipped().isEmpty(), good.summary());
        assertEquals(1, good.articles(), "the synonym list is not an article");
        assertEquals(3, good.abbreviations(), "NMDA, TRD and BDNF are learned from the seed");
        assertTrue(commitData().get(ExpansionDictionary.COMMIT_SYNONYMS).contains("spravato"));
        Files.writeString(corpus.resolve(CorpusReader.SYNONYMS_FILE), "a => b => c\n");
        IndexReport bad = new Indexer(reader).rebuild(corpus, index);
        assertTrue(bad.committed());
        assertEquals(CorpusReader.SYNONYMS_FILE, bad.skipped().get(0).file());
        assertTrue(bad.skipped().get(0).reason().startsWith("invalid synonym list"), bad.skipped().get(0).reason());
        assertEquals("", commitData().get(ExpansionDictionary.COMMIT_SYNONYMS));
    }

    private Map<String, String> commitData() throws IOException {
        try (Directory dir = FSDirectory.open(index)) {
            return org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData();
        }
    }

    @Test
    void aMissingCorpusFolderIsAPlainError() {
        IOException e = assertThrows(IOException.class, () -> new Indexer(reader).rebuild(tmp.resolve("nope"), index));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    private List<String> ids() throws IOException {
        List<String> ids = new ArrayList<>();
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            StoredFields stored = r.storedFields();
            for (int i = 0; i < r.maxDoc(); i++) {
                ids.add(stored.document(i).get(Fields.ID));
            }
        }
        return ids;
    }

    private void assertClean() throws IOException {
        try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean);
        }
    }
}
