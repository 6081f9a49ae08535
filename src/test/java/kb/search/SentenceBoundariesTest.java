package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import kb.testing.SeedExtension;
import kb.testing.TestSeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every move of the cached sentence iterator lands where the JDK's iterator lands walking forwards from the start,
 * whatever was asked before: the highlighter's {@code preceding} and {@code following} around a match included.
 */
@ExtendWith(SeedExtension.class)
class SentenceBoundariesTest {
    private static final String[] PIECES = {"Ketamine acts fast.", " It binds NMDA receptors", ".", " - ", "Dr. Smith",
        " said so", "?", "!", " (CNS).", " \"Quoted.\"", "\n", "  ", " 0.5 mg/kg", " e.g. midazolam", ";", " TRD",
        " Whether any cancer cells remain", ":", " é", "…"};

    @Test
    void everyMoveAgreesWithTheForwardWalkOfTheJdkIterator(TestSeed seed) {
        Random random = seed.random();
        SentenceBoundaries cached = new SentenceBoundaries(BreakIterator.getSentenceInstance(Locale.ROOT));
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            int pieces = random.nextInt(25);
            for (int i = 0; i < pieces; i++) {
                sb.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = sb.toString();
            List<Integer> forward = forward(text);
            cached.setText(text);
            assertEquals(forward, walk(cached), text);
            for (int offset = 0; offset <= text.length(); offset++) {
                // Each question starts from wherever the last one left the iterator.
                int op = random.nextInt(3);
                if (op == 0) {
                    assertEquals(after(forward, offset), cached.following(offset), "following " + offset + " in " + text);
                } else if (op == 1) {
                    assertEquals(before(forward, offset), cached.preceding(offset), "preceding " + offset + " in " + text);
                } else {
                    assertEquals(forward.contains(offset), cached.isBoundary(offset), "isBoundary " + offset + " in " + text);
                }
            }
        }
    }

    @Test
    void aMatchInAnInlineListFindsTheSentenceStartTheForwardWalkFinds() {
        // MedQuAD writes lists inline (". - Whether ..."); the JDK's iterator walking backwards from a match there
        // can stop at a period the forward walk does not break at, and a snippet then began with ". - ".
        String text = "The prognosis depends on: - Where the tumor formed (CNS). - Whether there are changes in the"
                + " genes. - Whether any cancer cells remain after surgery. - The type of tumor.";
        SentenceBoundaries cached = new SentenceBoundaries(BreakIterator.getSentenceInstance(Locale.ROOT));
        cached.setText(text);
        int match = text.indexOf("cancer cells");
        assertEquals(before(forward(text), match), cached.preceding(match));
        assertEquals(after(forward(text), match), cached.following(match));
    }

    private static List<Integer> forward(String text) {
        BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
        jdk.setText(text);
        List<Integer> out = new ArrayList<>();
        for (int b = jdk.first(); b != BreakIterator.DONE; b = jdk.next()) {
            out.add(b);
        }
        return out;
    }

    private static List<Integer> walk(BreakIterator it) {
        List<Integer> out = new ArrayList<>();
        for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
            out.add(b);
        }
        List<Integer> back = new ArrayList<>();
        for (int b = it.last(); b != BreakIterator.DONE; b = it.previous()) {
            back.add(0, b);
        }
        assertEquals(out, back, "walking back");
        return out;
    }

    private static int after(List<Integer> bounds, int offset) {
        for (int b : bounds) {
            if (b > offset) {
                return b;
            }
        }
        return BreakIterator.DONE;
    }

    private static int before(List<Integer> bounds, int offset) {
        int found = BreakIterator.DONE;
        for (int b : bounds) {
            if (b < offset) {
                found = b;
            }
        }
        return found;
    }
}
