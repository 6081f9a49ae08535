package kb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaledCorpusTest {
    private static final String ARTICLE = String.join("\n", "---", "title: Buerger disease", "source: GARD", "---", "",
            "# Buerger disease", "", "## What is (are) Buerger disease ?", "",
            "Buerger disease is a disease of the arteries and veins in the arms and legs.", "",
            "- smoking makes it worse", "");

    @TempDir
    Path tmp;

    @Test
    void copiesUnderNewNamesWithEachLinesWordsShuffledAndTheMarksKept() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("src/gard"));
        Files.writeString(source.resolve("buerger.md"), ARTICLE);
        Files.writeString(source.resolve("figure.pdf"), "%PDF");
        Path target = tmp.resolve("out");
        ScaledCorpus.Written w = ScaledCorpus.write(tmp.resolve("src"), target, 3, 16);
        assertEquals(new ScaledCorpus.Written(3, 1), w);
        assertEquals(ARTICLE, Files.readString(target.resolve("gard/buerger.md")), "copy 0 is the file as it is");
        List<String> original = Files.readAllLines(source.resolve("buerger.md"));
        for (int k = 1; k <= 2; k++) {
            List<String> copy = Files.readAllLines(target.resolve("gard/buerger-copy" + k + ".md"), StandardCharsets.UTF_8);
            assertEquals(original.size(), copy.size());
            for (int i = 0; i < copy.size(); i++) {
                String a = original.get(i);
                String b = copy.get(i);
                assertEquals(sortedWords(a), sortedWords(b), "line " + i + " keeps its words");
                for (String mark : new String[] {"title: ", "# ", "## ", "- "}) {
                    assertEquals(a.startsWith(mark), b.startsWith(mark), "line " + i + " keeps its mark " + mark);
                }
            }
            assertNotEquals(original.get(9), copy.get(9), "the body line is shuffled");
        }
        assertNotEquals(Files.readString(target.resolve("gard/buerger-copy1.md")),
                Files.readString(target.resolve("gard/buerger-copy2.md")), "each copy is shuffled its own way");
        assertFalse(Files.exists(target.resolve("gard/figure.pdf")));
        assertEquals(ARTICLE, Files.readString(source.resolve("buerger.md")), "the source is only read");
    }

    @Test
    void theSameSeedGivesTheSameCopies() throws Exception {
        Path source = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(source.resolve("a.md"), ARTICLE);
        ScaledCorpus.write(source, tmp.resolve("one"), 2, 16);
        ScaledCorpus.write(source, tmp.resolve("two"), 2, 16);
        ScaledCorpus.write(source, tmp.resolve("other"), 2, 17);
        String one = Files.readString(tmp.resolve("one/a-copy1.md"));
        assertEquals(one, Files.readString(tmp.resolve("two/a-copy1.md")));
        assertNotEquals(one, Files.readString(tmp.resolve("other/a-copy1.md")));
        assertThrows(IllegalArgumentException.class, () -> ScaledCorpus.write(source, tmp.resolve("none"), 0, 1));
        assertTrue(Files.exists(tmp.resolve("one/a.md")));
    }

    private static List<String> sortedWords(String line) {
        String[] words = line.strip().isEmpty() ? new String[0] : line.strip().split("\\s+");
        Arrays.sort(words);
        return List.of(words);
    }
}
