package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.corpus.SkippedFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexProgressTest {
    @TempDir
    Path tmp;

    record Call(long articles, long passages, long bytesDone, long bytesTotal) {}

    @Test
    void rebuildReportsEveryArticleWithRunningCountsAndBytesReachingTheTotal() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("a.md"), "# A\n\nFirst paragraph.\n\nSecond paragraph.\n");
        Files.writeString(corpus.resolve("b.jsonl"), "{\"_id\":\"x\",\"title\":\"X\",\"text\":\"One.\"}\n"
                + "{\"_id\":\"y\",\"title\":\"Y\",\"text\":\"Two.\"}\n");
        Files.writeString(corpus.resolve(".hidden.md"), "# H\n\nNot counted.\n");
        long total = Files.size(corpus.resolve("a.md")) + Files.size(corpus.resolve("b.jsonl"));
        List<Call> calls = new ArrayList<>();
        IndexReport report = new Indexer(new CorpusReader()).rebuild(corpus, tmp.resolve("index"),
                (articles, passages, done, all) -> calls.add(new Call(articles, passages, done, all)));
        assertEquals(3, calls.size(), calls.toString());
        assertEquals(List.of(1L, 2L, 3L), calls.stream().map(Call::articles).toList());
        assertEquals(report.passages(), calls.get(2).passages());
        assertTrue(calls.stream().allMatch(c -> c.bytesTotal() == total && c.bytesDone() <= total), calls.toString());
        assertTrue(calls.get(1).bytesDone() < calls.get(2).bytesDone(), "a large file still advances, line by line");
    }

    @Test
    void oneWalkRunReportsProgressSkipsBadFilesWithTheirReasonAndIndexesTheRest() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("a.md"), "# A\n\nFirst paragraph.\n\nSecond paragraph.\n");
        Files.writeString(corpus.resolve("b.jsonl"), "{\"_id\":\"x\",\"title\":\"X\",\"text\":\"One.\"}\n"
                + "{not json\n{\"_id\":\"y\",\"title\":\"Y\",\"text\":\"Two.\"}\n");
        Files.writeString(corpus.resolve("c.doc"), "old binary Word");
        Files.writeString(corpus.resolve("d.txt"), "");
        long total = 0;
        for (String f : List.of("a.md", "b.jsonl", "c.doc", "d.txt")) {
            total += Files.size(corpus.resolve(f));
        }
        List<Call> calls = new ArrayList<>();
        IndexReport report = new Indexer(new CorpusReader()).rebuild(corpus, tmp.resolve("index"),
                (articles, passages, done, all) -> calls.add(new Call(articles, passages, done, all)));
        assertEquals(3, report.articles());
        assertEquals(List.of(1L, 2L, 3L), calls.stream().map(Call::articles).toList());
        long all = total;
        assertTrue(calls.stream().allMatch(c -> c.bytesTotal() == all && c.bytesDone() <= all), calls.toString());
        assertEquals(List.of("b.jsonl:2", "c.doc", "d.txt"), report.skipped().stream().map(SkippedFile::file).toList());
        assertTrue(report.skipped().get(0).reason().startsWith("invalid JSON"), report.skipped().toString());
        assertTrue(report.skipped().get(1).reason().startsWith("unsupported file type .doc"), report.skipped().toString());
        assertEquals("empty file", report.skipped().get(2).reason());
        // The run's own walk gives the same fingerprint as a walk of its own, so the index is not taken for stale.
        assertEquals(CorpusFingerprint.of(corpus), report.fingerprint());
        assertTrue(!Indexer.isStale(corpus, tmp.resolve("index")));
    }

    @Test
    void corpusBytesSkipsHiddenFilesAndFolders() throws Exception {
        Files.writeString(tmp.resolve("a.txt"), "12345");
        Files.createDirectories(tmp.resolve(".git"));
        Files.writeString(tmp.resolve(".git/objects"), "1234567890");
        assertEquals(5, IndexProgress.corpusBytes(tmp));
    }
}
