package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import kb.index.DamagedIndexException;
import kb.search.LuceneSearchEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 11: a damaged index is named in plain words, with what to do; {@code kb check} says the same. */
class DamagedIndexTest {
    @TempDir
    Path tmp;
    Path corpus;
    Path index;

    @BeforeEach
    void indexTheSeed() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.copy(Path.of("corpus", "ketamines-for-depression.txt"), corpus.resolve("ketamines-for-depression.txt"));
        KbRun run = KbRun.kb("index", "--corpus=" + corpus, "--index=" + index);
        assertEquals(0, run.code(), run.err());
    }

    /** Cuts the last bytes off the index's first file with {@code suffix} (its checksum footer); returns its name. */
    String truncate(String suffix) throws IOException {
        Path file;
        try (Stream<Path> files = Files.list(index)) {
            file = files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 20);
        }
        return file.getFileName().toString();
    }

    static void assertPlain(String message) {
        assertFalse(message.contains("checkindex"), message);
        assertFalse(message.contains("Exception"), message);
        assertFalse(message.contains("\tat "), message);
    }

    @Test
    void aHealthyIndexChecksOk() {
        KbRun run = KbRun.kb("check", "--index=" + index);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("is healthy: 1 segment, 13 passages."), run.out());
    }

    @Test
    void aTruncatedSegmentFileIsNamedWithTheRebuildToRun() throws IOException {
        String cfs = truncate(".cfs");

        KbRun search = KbRun.kb("search", "NMDA", "--index=" + index);
        assertEquals(1, search.code());
        assertTrue(search.err().startsWith("kb search: The index in "), search.err());
        assertTrue(search.err().contains("is damaged: its file " + cfs + " is truncated or corrupt"), search.err());
        assertTrue(search.err().contains("`kb index --full --index "), search.err());
        assertTrue(search.err().contains("delete the folder " + index.toAbsolutePath()), search.err());
        assertPlain(search.err());

        DamagedIndexException open = assertThrows(DamagedIndexException.class, () -> LuceneSearchEngine.open(index));
        assertTrue(open.getMessage().contains("its file " + cfs), open.getMessage());

        KbRun check = KbRun.kb("check", "--index=" + index);
        assertEquals(1, check.code(), check.out());
        assertTrue(check.err().contains("is damaged: 1 of 1 segments cannot be read"), check.err());
        assertTrue(check.err().contains("file " + cfs), check.err());
        assertTrue(check.err().contains("`kb index --full --index "), check.err());
        assertPlain(check.err());

        KbRun update = KbRun.kb("index", "--corpus=" + corpus, "--index=" + index);
        assertEquals(1, update.code());
        assertTrue(update.err().contains("`kb index --full --index "), update.err());
        assertPlain(update.err());

        // The advice works: a full rebuild reads only the list of segments, which is intact.
        assertEquals(0, KbRun.kb("index", "--full", "--corpus=" + corpus, "--index=" + index).code());
        assertEquals(0, KbRun.kb("search", "NMDA", "--index=" + index).code());
        assertEquals(0, KbRun.kb("check", "--index=" + index).code());
    }

    @Test
    void aDamagedListOfSegmentsSaysToDeleteTheFolder() throws IOException {
        truncate(".si");
        KbRun search = KbRun.kb("search", "NMDA", "--index=" + index);
        assertEquals(1, search.code());
        assertTrue(search.err().contains("Delete the folder " + index.toAbsolutePath()), search.err());
        assertFalse(search.err().contains("--full"), search.err());
        assertPlain(search.err());

        KbRun check = KbRun.kb("check", "--index=" + index);
        assertEquals(1, check.code());
        assertTrue(check.err().contains("Delete the folder"), check.err());
        assertPlain(check.err());
    }

    @Test
    void checkingWithoutAnIndexSaysWhatToDo() {
        KbRun run = KbRun.kb("check", "--index=" + tmp.resolve("none"));
        assertEquals(1, run.code());
        assertTrue(run.err().contains("run `kb index` first"), run.err());
    }
}
