package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kb.testing.SeedExtension;
import kb.testing.TestSeed;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Given every indexed word with its document frequency, {@link SpellingOrder} picks and orders close words exactly as
 * the embedded spelling ({@link Spelling#closeWords}) does over the index itself, and the best of them is the best of
 * Lucene's {@link DirectSpellChecker} with its defaults: random vocabularies of similar words (many ties in closeness
 * and in frequency), random misspellings.
 */
@ExtendWith(SeedExtension.class)
class SpellingOrderTest {
    private static final String LETTERS = "abcdeilnorst";

    @Test
    void picksAndOrdersCloseWordsAsTheSpellCheckerDoesOverTheIndex(TestSeed seed) throws Exception {
        Random random = seed.random();
        DirectSpellChecker checker = new DirectSpellChecker();
        int compared = 0;
        for (int round = 0; round < 20; round++) {
            List<String> stems = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                stems.add(word(random, 4 + random.nextInt(5)));
            }
            try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
                try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                    for (int d = 0; d < 300; d++) {
                        Document doc = new Document();
                        // Variants of a few stems: close words abound, with equal closeness and equal frequencies.
                        doc.add(new StringField("f", mutate(random, stems.get(random.nextInt(stems.size()))), Field.Store.NO));
                        w.addDocument(doc);
                    }
                }
                try (DirectoryReader reader = DirectoryReader.open(dir)) {
                    Map<String, Long> vocabulary = new HashMap<>();
                    Terms terms = MultiTerms.getTerms(reader, "f");
                    TermsEnum it = terms.iterator();
                    for (BytesRef t = it.next(); t != null; t = it.next()) {
                        vocabulary.put(t.utf8ToString(), (long) it.docFreq());
                    }
                    for (int q = 0; q < 30; q++) {
                        String typo = mutate(random, stems.get(random.nextInt(stems.size())));
                        if (vocabulary.containsKey(typo)) {
                            continue;
                        }
                        List<String> expected = Spelling.closeWords(reader, new Term("f", typo), 3);
                        SuggestWord[] lucenes = checker.suggestSimilar(new Term("f", typo), 3, reader,
                                SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                        assertEquals(lucenes.length == 0 ? null : lucenes[0].string,
                                expected.isEmpty() ? null : expected.get(0), typo + ": the best word");
                        assertEquals(expected, SpellingOrder.best(typo, vocabulary, 3), typo + " in " + vocabulary);
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 100, "misspellings compared: " + compared);
    }

    private static String word(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        return b.toString();
    }

    /** Up to two edits (substitution, insertion, deletion, transposition) after the first letter. */
    private static String mutate(Random random, String word) {
        StringBuilder b = new StringBuilder(word);
        int edits = random.nextInt(3);
        for (int e = 0; e < edits && b.length() > 2; e++) {
            int at = 1 + random.nextInt(b.length() - 1);
            char c = LETTERS.charAt(random.nextInt(LETTERS.length()));
            switch (random.nextInt(4)) {
                case 0 -> b.setCharAt(at, c);
                case 1 -> b.insert(at, c);
                case 2 -> b.deleteCharAt(at);
                default -> {
                    if (at + 1 < b.length()) {
                        char x = b.charAt(at);
                        b.setCharAt(at, b.charAt(at + 1));
                        b.setCharAt(at + 1, x);
                    }
                }
            }
        }
        return b.toString();
    }
}
