package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import kb.corpus.CorpusFiles;
import kb.corpus.CorpusReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One set of rules for what is corpus, shared by reading, the fingerprint and progress: hidden and temporary files
 * and an index kept inside its corpus are never corpus, so touching them neither makes the index stale nor commits.
 */
class CorpusRulesTest {
    @TempDir
    Path tmp;
    Path corpus;
    final Indexer indexer = new Indexer(new CorpusReader());

    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nAlpha talks about glutamate.\n");
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nBeta talks about serotonin.\n");
    }

    @Test
    void hiddenTemporaryAndIndexFilesAreNotCorpus() throws IOException {
        indexer.update(corpus, corpus.resolve("idx"));
        for (String name : List.of(".DS_Store", ".x.swp", ".#lock", "alpha.md~", "#alpha.md#", "~$report.docx",
                "draft.tmp", "big.pdf.part")) {
            Files.writeString(corpus.resolve(name), "junk");
        }
        CorpusFiles.Listing listing = CorpusFiles.list(corpus);
        List<String> listed = listing.files().stream().map(f -> CorpusFiles.relative(listing.root(), f)).toList();
        assertEquals(List.of("alpha.md", "beta.md"), listed, "the index folder idx/ holds segments_N and is skipped");
    }

    @Test
    void touchingFilesThatAreNotCorpusNeitherStalesNorCommits() throws IOException {
        for (Path index : List.of(corpus.resolve(".kbindex"), corpus.resolve("index"))) {
            indexer.update(corpus, index);
            long generation = IndexContents.generation(index);
            assertFalse(Indexer.isStale(corpus, index), index + " is fresh after its own commit");
            Files.writeString(corpus.resolve(".DS_Store"), "finder " + index);
            Files.writeString(corpus.resolve(".alpha.md.swp"), "vim " + index);
            Files.writeString(corpus.resolve(".#alpha.md"), "emacs " + index);
            assertFalse(Indexer.isStale(corpus, index), "hidden and temporary files do not make " + index + " stale");
            IndexReport again = indexer.update(corpus, index);
            assertTrue(again.upToDate(), again.summary());
            assertEquals(generation, IndexContents.generation(index), "nothing changed, so nothing was committed to " + index);
        }
    }

    @Test
    void anEditThatRestoresTheModificationTimeIsStillSeen() throws IOException {
        Path index = tmp.resolve("index");
        indexer.update(corpus, index);
        Path alpha = corpus.resolve("alpha.md");
        FileTime mtime = Files.getLastModifiedTime(alpha);
        long size = Files.size(alpha);
        // What `cp -p` or `touch -r` does: same size, new bytes, old modification time.
        Files.writeString(alpha, "# Alpha\n\nAlpha talks about serotonin.\n");
        Files.setLastModifiedTime(alpha, mtime);
        assertEquals(size, Files.size(alpha));
        boolean unix = corpus.getFileSystem().supportedFileAttributeViews().contains("unix");
        assertEquals(unix, Indexer.isStale(corpus, index), "the inode change time reveals the edit where there is one");
        IndexReport report = indexer.update(corpus, index);
        assertEquals(1, report.changes().changed(), "kb index always compares content: " + report.summary());
    }

    @Test
    void aCorpusRootThatIsASymbolicLinkIsFollowed() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("corpus-link"), corpus);
        Path index = tmp.resolve("index");
        IndexReport report = indexer.update(link, index);
        assertEquals(2, report.articles(), report.summary());
        assertTrue(report.skipped().isEmpty(), report.summary());
        assertFalse(Indexer.isStale(link, index));
        // The index records the real folder, so the link and its target are the same corpus.
        assertEquals(corpus.toRealPath(), CorpusBinding.of(index).orElseThrow().corpus());
        assertTrue(indexer.update(corpus, index).upToDate());
    }

    @Test
    void fingerprintFollowsTheCorpusFiles() throws IOException {
        String before = CorpusFingerprint.of(corpus);
        Files.writeString(corpus.resolve(".hidden"), "x");
        assertEquals(before, CorpusFingerprint.of(corpus));
        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nNew.\n");
        assertNotEquals(before, CorpusFingerprint.of(corpus));
    }


    @Test
    void aFileNamedLikeACommitPointIsAnArticleAndAnIndexCannotBeItsOwnCorpus() throws IOException {
        Files.createDirectories(corpus.resolve("marketing"));
        Files.writeString(corpus.resolve("marketing/segments_overview.md"), "# Segments\n\nOur customer segments.\n");
        IndexReport report = indexer.update(corpus, tmp.resolve("index"));
        assertEquals(3, report.articles(), "a folder is an index only when it holds segments_N: " + report.summary());
        IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> indexer.update(corpus, corpus));
        assertTrue(refused.getMessage().contains("is the corpus folder itself"), refused.getMessage());
    }

    @Test
    void aTouchedButUnchangedCorpusIsNotReadAgainAtTheNextStart() throws IOException {
        Path index = tmp.resolve("index");
        indexer.update(corpus, index);
        Path alpha = corpus.resolve("alpha.md");
        Files.setLastModifiedTime(alpha, FileTime.fromMillis(Files.getLastModifiedTime(alpha).toMillis() + 60_000));
        assertTrue(Indexer.isStale(corpus, index), "a touched file makes the index look stale");
        assertTrue(indexer.update(corpus, index).upToDate());
        assertFalse(Indexer.isStale(corpus, index), "once checked, the same state is known to be up to date");
        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nNew.\n");
        assertTrue(Indexer.isStale(corpus, index), "a real change is still seen");
    }

    @Test
    void aMovedFolderIsNeitherAMassDeletionNorANewSetOfIds() throws IOException {
        Path index = tmp.resolve("index");
        Path docs = Files.createDirectories(corpus.resolve("docs"));
        for (int i = 0; i < 20; i++) {
            Files.writeString(docs.resolve("d" + i + ".md"), "# Doc " + i + "\n\nDocument number " + i + ".\n");
        }
        indexer.update(corpus, index);
        java.util.Map<String, String> before = IndexContents.documents(index);
        Files.move(docs, corpus.resolve("articles"));
        IndexReport report = indexer.update(corpus, index);
        assertTrue(report.committed(), report.summary());
        assertEquals(before, IndexContents.documents(index), "the same names and content keep the same ids");
    }
}
