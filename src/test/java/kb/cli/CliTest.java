package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path tmp;
    Path corpus;
    Path index;


    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.copy(Path.of("corpus", "ketamines-for-depression.txt"), corpus.resolve("ketamines-for-depression.txt"));
    }

    static KbRun kb(String... args) {
        return KbRun.kb(args);
    }

    KbRun index(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "index";
        args[1] = "--corpus=" + corpus;
        args[2] = "--index=" + index;
        args[3] = "--max-file-size=50";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return kb(args);
    }

    @Test
    void indexThenSearchPrintsTheNmdaPassagesWithSectionsAndCitations() {
        KbRun indexed = index();
        assertEquals(0, indexed.code(), indexed.err());
        assertTrue(indexed.out().contains("Indexed 1 article, 13 passages"), indexed.out());
        KbRun found = kb("search", "NMDA", "--index=" + index);
        assertEquals(0, found.code(), found.err());
        assertTrue(found.out().startsWith("2 passages match \"NMDA\""), found.out());
        assertTrue(found.out().contains("Ketamines For Depression › What is Ketamine?"), found.out());
        assertTrue(found.out().contains("Ketamines For Depression › How Does Ketamine Work?"), found.out());
        assertTrue(found.out().contains("[NMDA]"), "matches are marked");
        assertTrue(found.out().contains("Cite: Ketamines For Depression, \"What is Ketamine?\", paragraph 1. /passages/"), found.out());
    }

    @Test
    void limitCapsThePassagesPrinted() {
        index();
        KbRun run = kb("search", "ketamine", "--limit", "2", "--index=" + index);
        assertEquals(0, run.code());
        assertEquals(2, run.out().lines().filter(l -> l.matches("^\\d+\\. .*")).count(), run.out());
    }

    @Test
    void aBadQueryIsAPlainMessageAndUsageExitCode() {
        index();
        KbRun run = kb("search", "\"ketamine", "--index=" + index);
        assertEquals(2, run.code());
        assertTrue(run.err().contains("unmatched double quote"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void modeTakesTheThreeModesAndRefusesAnythingElsePlainly() {
        index();
        for (String mode : new String[] {"lexical", "hybrid", "semantic"}) {
            KbRun run = kb("search", "NMDA", "--mode", mode, "--index=" + index);
            assertEquals(0, run.code(), mode + ": " + run.err());
            assertTrue(run.out().startsWith("2 passages match \"NMDA\""), run.out());
        }
        KbRun bad = kb("search", "NMDA", "--mode", "fuzzy", "--index=" + index);
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("mode must be lexical, hybrid or semantic, not \"fuzzy\"."), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
        assertTrue(kb("search", "--help").out().contains("--mode=MODE"), "the option is documented");
    }

    @Test
    void searchingWithoutAnIndexSaysWhatToDo() {
        KbRun run = kb("search", "NMDA", "--index=" + tmp.resolve("none"));
        assertEquals(1, run.code());
        assertTrue(run.err().contains("kb index"), run.err());
    }

    @Test
    void skippedFilesAreReportedAndFailOnlyUnderStrict() throws IOException {
        Files.write(corpus.resolve("binary.txt"), new byte[] {1, 2, 0, 3});
        KbRun lenient = index();
        assertEquals(0, lenient.code());
        assertTrue(lenient.out().contains("binary.txt"), lenient.out());
        KbRun strict = index("--strict");
        assertEquals(1, strict.code());
    }

    @Test
    void aCorpusWithNothingToIndexFails() throws IOException {
        Files.delete(corpus.resolve("ketamines-for-depression.txt"));
        Files.writeString(corpus.resolve("empty.md"), "");
        KbRun run = index();
        assertEquals(1, run.code());
        assertTrue(run.out().contains("Nothing could be indexed"), run.out());
    }

    @Test
    void aMissingCorpusFolderIsOnePlainLine() {
        KbRun run = kb("index", "--corpus=" + tmp.resolve("missing"), "--index=" + index);
        assertEquals(1, run.code());
        assertTrue(run.err().contains("missing"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void everyCommandHasHelpAndUsageErrorsExitTwo() {
        for (String command : new String[] {"index", "search", "serve", "eval"}) {
            KbRun help = kb(command, "--help");
            assertEquals(0, help.code());
            assertTrue(help.out().contains("Usage: kb " + command), help.out());
        }
        assertEquals(0, kb("--help").code());
        assertEquals(2, kb("index", "--no-such-option").code());
        assertEquals(2, kb("search").code());
        assertEquals(2, kb("search", "x", "--limit", "many").code());
        assertEquals(2, kb().code());
    }
}
