package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import kb.testing.SeedExtension;
import kb.testing.TestSeed;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** kb's sentence scorer gives every passage Lucene's score to the bit: the snippets chosen cannot change. */
@ExtendWith(SeedExtension.class)
class SentenceScorerTest {
    @Test
    void scoresEveryPassageAsLucenesScorerDoes(TestSeed seed) {
        Random random = seed.random();
        PassageScorer lucenes = new PassageScorer();
        SentenceScorer ours = new SentenceScorer();
        String[] words = {"ketamine", "nmda", "midazolam", "depress", "receptor", "trd", "infus", "rapid"};
        for (int n = 0; n < 20_000; n++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            passage.setStartOffset(start);
            // The highlighter sets the sentence's bounds first, then adds the matches inside it.
            passage.setEndOffset(start + 600 + random.nextInt(300));
            int at = start;
            int matches = random.nextInt(12);
            for (int i = 0; i < matches; i++) {
                at += 1 + random.nextInt(40);
                // A new BytesRef each time, as the highlighter may hand over: terms are equal by their bytes.
                BytesRef term = new BytesRef(words[random.nextInt(1 + random.nextInt(words.length))]);
                passage.addMatch(at, at + term.length, term, 1 + random.nextInt(30));
            }
            int contentLength = passage.getEndOffset() + random.nextInt(10_000);
            assertEquals(Float.floatToIntBits(lucenes.score(passage, contentLength)),
                    Float.floatToIntBits(ours.score(passage, contentLength)), "passage " + n);
        }
    }
}
