package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, item 4: completions are built off the request path; suggest never waits for a build. */
class BackgroundCompletionsTest {
    @TempDir
    Path tmp;

    /** Completions for {@code typed}, failing (rather than hanging) if the call waited on a blocked build. */
    static List<Completion> suggest(LuceneSearchEngine service, String typed) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return service.complete(typed, 8);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    static boolean hasHeading(List<Completion> completions, String heading) {
        return completions.stream().anyMatch(c -> c.kind().equals(Completion.HEADING) && c.text().equals(heading));
    }

    @Test
    void suggestAnswersFromThePreviousGenerationWhileTheNewOneIsBuilt() throws Exception {
        SeedIndex.build(tmp);
        Semaphore builds = new Semaphore(0);
        try (LuceneSearchEngine service = LuceneSearchEngine.open(tmp.resolve("index"), SearchTimeLimit.DEFAULT,
                builds::acquireUninterruptibly)) {
            assertEquals(List.of(), suggest(service, "What is"), "no completions were ever built: empty, at once");

            builds.release();
            List<Completion> first = awaitHeading(service, "What is", "What is Ketamine?");

            Files.writeString(tmp.resolve("corpus").resolve("zebrafish.md"),
                    "# Zebrafish\n\n## Zebrafish models of depression\n\nZebrafish are used to screen antidepressants.\n");
            new Indexer(new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES)).update(tmp.resolve("corpus"),
                    tmp.resolve("index"));
            service.refresh();

            // The new generation's build is held: suggest answers at once, with the previous headings...
            assertEquals(first, suggest(service, "What is"));
            assertFalse(hasHeading(suggest(service, "Zebrafish"), "Zebrafish models of depression"));
            // ...and words from the index being served.
            assertTrue(suggest(service, "zebra").stream().anyMatch(c -> c.text().equals("zebrafish")));

            builds.release();
            awaitHeading(service, "Zebrafish", "Zebrafish models of depression");
        }
    }

    /** Polls until the background build has made {@code heading} a completion of {@code typed}. */
    private static List<Completion> awaitHeading(LuceneSearchEngine service, String typed, String heading) throws Exception {
        for (int i = 0; i < 600; i++) {
            List<Completion> found = suggest(service, typed);
            if (hasHeading(found, heading)) {
                return found;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the completions build never finished: no heading " + heading);
    }
}
