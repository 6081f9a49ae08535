package kb.index;

import static org.apache.lucene.tests.analysis.BaseTokenStreamTestCase.assertTokenStreamContents;

import java.io.IOException;
import java.io.StringReader;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.junit.jupiter.api.Test;

class NumberUnitFilterTest {

    private static TokenStream split(String text) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        tokenizer.setReader(new StringReader(text));
        return new NumberUnitFilter(tokenizer);
    }

    /** Asserts the tokens, their offsets (what highlighting reads) and position increments. */
    private static void assertSplits(String text, String[] tokens, int[] starts, int[] ends, int[] increments)
            throws IOException {
        assertTokenStreamContents(split(text), tokens, starts, ends, increments, text.length());
    }

    @Test
    void aUnitIsCutFromItsNumberWithOffsetsInsideTheToken() throws IOException {
        assertSplits("0.5mg/kg", new String[] {"0.5", "mg", "kg"}, new int[] {0, 3, 6}, new int[] {3, 5, 8},
                new int[] {1, 1, 1});
        assertSplits("for 24h", new String[] {"for", "24", "h"}, new int[] {0, 4, 6}, new int[] {3, 6, 7},
                new int[] {1, 1, 1});
        assertSplits("120mmHg", new String[] {"120", "mmHg"}, new int[] {0, 3}, new int[] {3, 7}, new int[] {1, 1});
        assertSplits("10µg 1,000mg", new String[] {"10", "µg", "1,000", "mg"}, new int[] {0, 2, 5, 10},
                new int[] {2, 4, 10, 12}, new int[] {1, 1, 1, 1});
    }

    @Test
    void everyUnitInATokenIsCut() throws IOException {
        assertSplits("5h30min", new String[] {"5h30", "min"}, new int[] {0, 4}, new int[] {4, 7}, new int[] {1, 1});
        assertSplits("abc5mg5mg", new String[] {"abc5mg5", "mg"}, new int[] {0, 7}, new int[] {7, 9},
                new int[] {1, 1});
        assertSplits("2.5mg.kg", new String[] {"2.5", "mg.kg"}, new int[] {0, 3}, new int[] {3, 8}, new int[] {1, 1});
    }

    @Test
    void unitsAreMatchedWholeAndAsWritten() throws IOException {
        // Letters that only start a unit, a digit after the letters, unknown case: one token each.
        for (String word : new String[] {"10mgs", "10mg2", "5gm", "5ML", "7Iu", "H1N1", "COVID19", "3d"}) {
            assertSplits(word, new String[] {word}, new int[] {0}, new int[] {word.length()}, new int[] {1});
        }
        assertSplits("5mL 5ml 7IU", new String[] {"5", "mL", "5", "ml", "7", "IU"}, new int[] {0, 1, 4, 5, 8, 9},
                new int[] {1, 3, 5, 7, 9, 11}, new int[] {1, 1, 1, 1, 1, 1});
    }

    @Test
    void wordsEndingLikeAUnitAreNotCut() throws IOException {
        // "ng", "h", "min", "l" inside or at the end of a word: no digit before them.
        assertSplits("ringing high admin small", new String[] {"ringing", "high", "admin", "small"},
                new int[] {0, 8, 13, 19}, new int[] {7, 12, 18, 24}, new int[] {1, 1, 1, 1});
    }

    @Test
    void theProseAnalyzersSplitBeforePossessivesAndLowerCase() throws IOException {
        assertTokenStreamContents(Analyzers.exact().tokenStream(Fields.TEXT, "The 24h's 5mmHg rise"),
                new String[] {"24", "h", "5", "mmhg", "rise"}, new int[] {4, 6, 10, 11, 16},
                new int[] {6, 9, 11, 15, 20}, new int[] {2, 1, 1, 1, 1}, 20);
    }
}
