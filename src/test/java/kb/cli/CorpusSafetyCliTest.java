package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.index.CorpusBinding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index is bound to the corpus it was built from: commands without {@code --corpus} use that corpus wherever
 * they run, another corpus is refused with a message naming both, and an update that would delete most of the
 * index waits for {@code --allow-deletions}.
 */
class CorpusSafetyCliTest {
    @TempDir
    Path tmp;
    Path corpusA;
    Path corpusB;
    Path index;

    @BeforeEach
    void corpora() throws IOException {
        corpusA = Files.createDirectories(tmp.resolve("a"));
        corpusB = Files.createDirectories(tmp.resolve("b"));
        index = tmp.resolve("idxA");
        for (int i = 0; i < 30; i++) {
            Files.writeString(corpusA.resolve("a" + i + ".md"), "# A " + i + "\n\nArticle " + i + " of corpus alpha.\n");
        }
        Files.writeString(corpusB.resolve("other.md"), "# Other\n\nThe only article of corpus beta.\n");
        KbRun built = KbRun.kb("index", "--corpus=" + corpusA, "--index=" + index);
        assertEquals(0, built.code(), built.err());
    }

    @Test
    void withoutCorpusEveryCommandUsesTheIndexsOwnCorpus() throws IOException {
        assertEquals(corpusA.toRealPath(), CorpusBinding.of(index).orElseThrow().corpus());
        // The default corpus/ (the seed, in the working directory) is not the index's corpus: it must not be used.
        KbRun update = KbRun.kb("index", "--index=" + index);
        assertEquals(0, update.code(), update.err());
        assertTrue(update.out().contains("0 added, 0 changed, 0 deleted, 30 unchanged"), update.out());
        assertTrue(update.out().contains("Nothing changed; the index is up to date."), update.out());
    }

    @Test
    void anotherCorpusIsRefusedWithBothNamedAndTheIndexIsUntouched() throws IOException {
        for (String command : new String[] {"index", "serve", "eval"}) {
            KbRun run = command.equals("eval")
                    ? KbRun.kb("eval", "--corpus=" + corpusB, "--index=" + index, "--queries=" + write("q.tsv", "1\tx\n"),
                            "--qrels=" + write("qrels.tsv", "1\t0\tdoc\t1\n"))
                    : command.equals("serve") ? KbRun.kb("serve", "--corpus=" + corpusB, "--index=" + index, "--port=0")
                    : KbRun.kb("index", "--corpus=" + corpusB, "--index=" + index);
            assertEquals(2, run.code(), command + ": " + run.out() + run.err());
            assertTrue(run.err().contains("was built from the corpus folder " + corpusA.toRealPath()), run.err());
            assertTrue(run.err().contains("not " + corpusB), run.err());
            assertTrue(run.err().contains("kb index --full --corpus " + corpusB + " --index " + index + " --replace"), run.err());
        }
        KbRun search = KbRun.kb("search", "--index=" + index, "alpha");
        assertTrue(search.out().contains("30 passages match"), search.out());
    }

    @Test
    void replaceRebuildsFromAnotherCorpusOnPurposeAndRebinds() throws IOException {
        KbRun withoutFull = KbRun.kb("index", "--corpus=" + corpusB, "--index=" + index, "--replace");
        assertEquals(2, withoutFull.code());
        assertTrue(withoutFull.err().contains("--replace"), withoutFull.err());

        KbRun replaced = KbRun.kb("index", "--full", "--replace", "--corpus=" + corpusB, "--index=" + index);
        assertEquals(0, replaced.code(), replaced.err());
        assertEquals(corpusB.toRealPath(), CorpusBinding.of(index).orElseThrow().corpus());
        KbRun search = KbRun.kb("search", "--index=" + index, "beta");
        assertTrue(search.out().contains("1 passage matches"), search.out());
    }

    @Test
    void deletingMostOfTheIndexNeedsConsent() throws IOException {
        for (int i = 1; i < 30; i++) {
            Files.delete(corpusA.resolve("a" + i + ".md"));
        }
        KbRun held = KbRun.kb("index", "--index=" + index);
        assertEquals(1, held.code(), held.out());
        assertTrue(held.err().contains("corpus looks incomplete: 29 of 30 articles missing; nothing was deleted"), held.err());
        assertTrue(held.err().contains("--allow-deletions"), held.err());
        assertTrue(KbRun.kb("search", "--index=" + index, "alpha").out().contains("30 passages match"));

        KbRun fullToo = KbRun.kb("index", "--full", "--index=" + index);
        assertEquals(1, fullToo.code(), "a full rebuild deletes as much: " + fullToo.out());

        KbRun allowed = KbRun.kb("index", "--index=" + index, "--allow-deletions");
        assertEquals(0, allowed.code(), allowed.err());
        assertTrue(allowed.out().contains("29 deleted"), allowed.out());
        assertTrue(KbRun.kb("search", "--index=" + index, "alpha").out().contains("1 passage matches"));
    }

    @Test
    void tenDeletionsOrFewerNeedNoConsent() throws IOException {
        for (int i = 20; i < 30; i++) {
            Files.delete(corpusA.resolve("a" + i + ".md"));
        }
        KbRun run = KbRun.kb("index", "--index=" + index);
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("10 deleted"), run.out());
    }

    @Test
    void aCorpusLinkSwappedToANewReleaseIsStillTheIndexsCorpus() throws IOException {
        Path v1 = Files.createDirectories(tmp.resolve("releases/v1"));
        Path v2 = Files.createDirectories(tmp.resolve("releases/v2"));
        Files.writeString(v1.resolve("guide.md"), "# Guide\n\nVersion one of the guide.\n");
        Files.writeString(v2.resolve("guide.md"), "# Guide\n\nVersion two of the guide.\n");
        Path link = Files.createSymbolicLink(tmp.resolve("current"), v1);
        Path linked = tmp.resolve("idx-linked");
        assertEquals(0, KbRun.kb("index", "--corpus=" + link, "--index=" + linked).code());
        Files.delete(link);
        Files.createSymbolicLink(link, v2);
        KbRun update = KbRun.kb("index", "--index=" + linked);
        assertEquals(0, update.code(), update.err());
        assertTrue(update.out().contains("1 changed"), update.out());
        assertTrue(KbRun.kb("search", "--index=" + linked, "two").out().contains("1 passage matches"));
        assertEquals(0, KbRun.kb("index", "--corpus=" + link, "--index=" + linked).code(), "the link as given still matches");
    }

    @Test
    void anIndexThatCannotBeReadNamesNoCorpusSoOneMustBeGiven() throws IOException {
        try (var files = Files.list(index)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        KbRun run = KbRun.kb("index", "--full", "--index=" + index);
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("cannot tell which corpus it was built from"), run.err());
        // Its list of segments is gone, so even a full rebuild cannot reuse the folder: kb says to delete it.
        KbRun named = KbRun.kb("index", "--full", "--corpus=" + corpusA, "--index=" + index);
        assertEquals(1, named.code(), named.err());
        assertTrue(named.err().contains("Delete the folder"), named.err());
    }

    @Test
    void aCorpusThatMovedAwayIsNamedWithWhatToDo() throws IOException {
        Files.move(corpusA, tmp.resolve("a-moved"));
        KbRun run = KbRun.kb("index", "--index=" + index);
        assertEquals(1, run.code());
        assertTrue(run.err().contains("does not exist"), run.err());
        assertTrue(run.err().contains("--replace"), "says how to point the index at the corpus's new place: " + run.err());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text);
    }
}
