package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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
    void candidateTestLooksOnlyAtTheTermsLengthNotTheWholeBuffer() {
        char[] buffer = "hotour".toCharArray();
        assertEquals(false, SpellingVariantFilter.isCandidate(buffer, 4)); // "hoto"
        assertEquals(true, SpellingVariantFilter.isCandidate(buffer, 6));
    }
}
