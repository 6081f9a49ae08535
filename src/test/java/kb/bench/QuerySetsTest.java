package kb.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kb.corpus.CorpusReader;
import kb.index.Indexer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuerySetsTest {
    @TempDir
    Path tmp;

    @Test
    void evenlySpacedSampleIsDeterministicAndSpread() {
        List<Integer> all = java.util.stream.IntStream.range(0, 10).boxed().toList();
        assertEquals(List.of(0, 2, 5, 7), QuerySets.evenlySpaced(all, 4));
        assertEquals(all, QuerySets.evenlySpaced(all, 50));
    }

    @Test
    void asTextEscapesSyntaxAndOperatorWords() {
        assertEquals("What is \\(are\\) Asthma \\?", QuerySets.asText("What is (are) Asthma ?"));
        assertEquals("cats and dogs or mice", QuerySets.asText("cats AND dogs OR mice"));
        assertEquals("\\+1 nucleosomes not here", QuerySets.asText("+1 nucleosomes NOT here"));
    }

    @Test
    void markdownQuestionsAreTheLevelTwoHeadingsInFileOrder() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("md/sub"));
        Files.writeString(tmp.resolve("md/a.md"), "# Title\n\n## What is (are) asthma ?\n\nText.\n\n### Not this\n");
        Files.writeString(dir.resolve("b.md"), "## How to prevent flu ?\n\nText.\n");
        Files.writeString(tmp.resolve("md/c.txt"), "## Not markdown\n");
        assertEquals(List.of("What is (are) asthma ?", "How to prevent flu ?"), QuerySets.markdownQuestions(tmp.resolve("md"), 10));
    }

    @Test
    void indexedWordsAreLowerCaseLettersFoundInTwoPassagesOrMore() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(Path.of("corpus", "ketamines-for-depression.txt"), corpus.resolve("ketamines-for-depression.txt"));
        Path index = tmp.resolve("index");
        new Indexer(new CorpusReader()).rebuild(corpus, index);
        List<String> words = QuerySets.indexedWords(index, 20);
        assertEquals(20, words.size());
        assertTrue(words.stream().allMatch(w -> w.matches("[a-z]{4,20}")), words.toString());
        assertEquals(words, QuerySets.indexedWords(index, 20), "same sample every time");
        assertFalse(words.contains("the"));
    }
}
