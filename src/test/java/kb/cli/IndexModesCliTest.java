package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kb index} updates incrementally by default and rebuilds from scratch with {@code --full}. */
class IndexModesCliTest {
    @TempDir
    Path tmp;

    @Test
    void indexIsIncrementalByDefaultAndFullOnRequest() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Files.copy(Path.of("corpus", "ketamines-for-depression.txt"), corpus.resolve("ketamines-for-depression.txt"));
        String[] args = {"index", "--corpus=" + corpus, "--index=" + index};
        KbRun first = KbRun.kb(args);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Full rebuild; against the previous index: 1 added"), "a new index is built whole: " + first.out());

        Files.writeString(corpus.resolve("second.md"), "# Second\n\nAnother article about glutamate.\n");
        KbRun second = KbRun.kb(args);
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("Incremental update: 1 added, 0 changed, 0 deleted, 1 unchanged."), second.out());

        KbRun full = KbRun.kb("index", "--full", "--corpus=" + corpus, "--index=" + index);
        assertEquals(0, full.code(), full.err());
        assertTrue(full.out().contains("Full rebuild; against the previous index: 0 added, 0 changed, 0 deleted, 2 unchanged."), full.out());
        assertTrue(KbRun.kb("index", "--help").out().contains("--full"));
    }
}
