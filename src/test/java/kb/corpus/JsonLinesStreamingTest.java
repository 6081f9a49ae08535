package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON Lines file is handed on record by record: the consumer gets each article as its line is read, in line
 * order, bad lines reported by number; what the consumer throws stops the read as thrown, and is never mistaken
 * for a file that cannot be parsed.
 */
class JsonLinesStreamingTest {
    @TempDir
    Path dir;

    @Test
    void recordsReachTheConsumerInLineOrderAroundBadLines() throws Exception {
        Files.writeString(dir.resolve("r.jsonl"), """
                {"_id":"a","title":"A","text":"First."}
                {"_id":"b","title":"B","text":"Second."}
                not json
                {"_id":"c","title":"C","text":"Third."}
                """);
        List<String> got = new ArrayList<>();
        CorpusScan scan = new CorpusReader().read(dir, a -> got.add(a.slug()));
        assertEquals(List.of("a", "b", "c"), got);
        assertEquals(3, scan.articles());
        assertEquals(1, scan.filesRead());
        assertEquals(List.of("r.jsonl:3"), scan.skipped().stream().map(SkippedFile::file).toList());
    }

    @Test
    void whatTheConsumerThrowsStopsTheReadAsThrown() throws Exception {
        Files.writeString(dir.resolve("r.jsonl"), """
                {"_id":"a","title":"A","text":"First."}
                {"_id":"b","title":"B","text":"Second."}
                {"_id":"c","title":"C","text":"Third."}
                """);
        IllegalStateException stop = new IllegalStateException("the writer stopped");
        List<String> got = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new CorpusReader().read(dir, a -> {
                    got.add(a.slug());
                    if (got.size() == 2) {
                        throw stop;
                    }
                }));
        assertSame(stop, thrown);
        assertEquals(List.of("a", "b"), got, "the third record is never handed on");
    }
}
