package kb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kb.index.IndexMeaning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb index} gives every passage a meaning vector by default and says so; {@code --no-meaning} switches that
 * off for the index, later runs keep the setting, and {@code --meaning} turns it back on.
 */
class MeaningCliTest {
    @TempDir
    Path tmp;

    @Test
    void indexEmbedsByDefaultAndTheIndexKeepsItsSetting() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        Files.writeString(corpus.resolve("alpha.md"), "# Alpha\n\nKetamine eases depression within hours.\n");
        Files.writeString(corpus.resolve("beta.md"), "# Beta\n\nSerotonin reuptake inhibitors take weeks.\n");
        String[] args = {"index", "--corpus=" + corpus, "--index=" + index};

        KbRun first = KbRun.kb(args);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("Meaning: 2 of 2 passages have a vector; embedded 2 in "), first.out());
        assertTrue(IndexMeaning.of(index).complete());

        Files.writeString(corpus.resolve("gamma.md"), "# Gamma\n\nDopamine shapes reward learning.\n");
        KbRun off = KbRun.kb("index", "--no-meaning", "--corpus=" + corpus, "--index=" + index);
        assertEquals(0, off.code(), off.err());
        assertTrue(off.out().contains("Meaning: 2 of 3 passages have a vector; embedded 0."), off.out());
        assertTrue(IndexMeaning.of(index).off());

        Files.writeString(corpus.resolve("delta.md"), "# Delta\n\nNoradrenaline keeps us alert.\n");
        KbRun later = KbRun.kb(args);
        assertEquals(0, later.code(), later.err());
        assertTrue(later.out().contains("embedded 0."), "the index's setting holds: " + later.out());
        assertTrue(IndexMeaning.of(index).off());

        KbRun on = KbRun.kb("index", "--meaning", "--corpus=" + corpus, "--index=" + index);
        assertEquals(0, on.code(), on.err());
        assertTrue(on.out().contains("Meaning: 4 of 4 passages have a vector; embedded 2 in "), on.out());
        assertFalse(IndexMeaning.of(index).off());
        assertTrue(IndexMeaning.of(index).complete());

        KbRun full = KbRun.kb("index", "--full", "--corpus=" + corpus, "--index=" + index);
        assertEquals(0, full.code(), full.err());
        assertTrue(full.out().contains("Meaning: 4 of 4 passages have a vector; embedded 0."), full.out());

        KbRun search = KbRun.kb("search", "--index=" + index, "dopamine");
        assertEquals(0, search.code(), search.err());
        assertTrue(search.out().contains("Gamma"), search.out());
        assertTrue(KbRun.kb("index", "--help").out().contains("--[no-]meaning"));
    }
}
