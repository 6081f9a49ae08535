package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.testing.SeedExtension;
import kb.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

class SpellingVariantFilterTest {
    /** The test the filter made with a regular expression before it was hand-written for speed. */
    private static final Pattern CANDIDATE = Pattern.compile("ae|oe|our|is|ys");

    @Test
    void candidateTestAgreesWithTheRegularExpressionOnEveryWordOfTheSeed() throws Exception {
        String text = Files.readString(Path.of("corpus", "ketamines-for-depression.txt")).toLowerCase(java.util.Locale.ROOT);
        String[] words = (text + " ae oe our is ys aes our hour tumour anaesthetic o e ou y").split("[^a-z]+");
        for (String w : words) {
            assertEquals(CANDIDATE.matcher(w).find(), SpellingVariantFilter.isCandidate(w.toCharArray(), w.length()), w);
        }
    }

    @Test
    @ExtendWith(SeedExtension.class)
    void skippingRulesByTheirNeedleChangesNoWord(TestSeed seed) {
        // Words made of the pieces the rules look for, glued at random, so that rules meet and chain.
        String[] pieces = {"an", "h", "aem", "ia", "oe", "soph", "str", "dem", "f", "paed", "ortho", "gynaec", "coeliac",
            "dyspn", "amoeb", "anaes", "tum", "our", "behavi", "is", "ys", "e", "ed", "es", "ing", "ation", "ations",
            "er", "ers", "anal", "random", "a", "o", "t", "leuk", "glyc", "ur", "diarrh", "col"};
        Random random = seed.random();
        Matcher[] matchers = SpellingVariantFilter.matchers();
        int rewritten = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder w = new StringBuilder();
            for (int k = 1 + random.nextInt(5); k > 0; k--) {
                w.append(pieces[random.nextInt(pieces.length)]);
            }
            String word = w.toString();
            String every = SpellingVariantFilter.rewrite(word, matchers, false);
            assertEquals(every, SpellingVariantFilter.rewrite(word, matchers, true), word);
            rewritten += every.equals(word) ? 0 : 1;
        }
        // The words must exercise the rules, or the comparison says nothing.
        assertTrue(rewritten > 5_000, rewritten + " words rewritten");
    }

    @Test
    void candidateTestLooksOnlyAtTheTermsLengthNotTheWholeBuffer() {
        char[] buffer = "hotour".toCharArray();
        assertEquals(false, SpellingVariantFilter.isCandidate(buffer, 4)); // "hoto"
        assertEquals(true, SpellingVariantFilter.isCandidate(buffer, 6));
    }
}
