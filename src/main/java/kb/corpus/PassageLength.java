package kb.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps passages readable when a PDF gives no paragraph breaks: text longer than {@link #SOFT_MAX} characters is cut
 * at the first sentence end past {@code SOFT_MAX}; where no sentence ends before {@link #HARD_MAX}, at the last space
 * before it, and only a text without spaces is cut mid-word. Shorter text is one passage as it is.
 */
final class PassageLength {
    static final int SOFT_MAX = 3000;
    static final int HARD_MAX = 4500;
    /** A full stop, question or exclamation mark (maybe closing a quote or bracket) before a capital or digit. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.?!][\"”’)\\]]?\\s+(?=[\\p{Lu}\\d\"“(\\[])");

    private PassageLength() {}

    /** {@code text} in pieces of at most {@link #HARD_MAX} characters, each (but maybe the last) ending a sentence. */
    static List<String> split(String text) {
        List<String> pieces = new ArrayList<>();
        int from = 0;
        while (text.length() - from > SOFT_MAX) {
            int cut = cut(text, from);
            pieces.add(text.substring(from, cut).strip());
            from = cut;
        }
        String rest = text.substring(from).strip();
        if (!rest.isEmpty() || pieces.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    private static int cut(String text, int from) {
        int hard = Math.min(text.length(), from + HARD_MAX);
        Matcher m = SENTENCE_END.matcher(text).region(from + SOFT_MAX, hard);
        if (m.find()) {
            return m.end();
        }
        int space = text.lastIndexOf(' ', hard - 1);
        // Never a piece shorter than the soft limit only because a space sits early: cut mid-word instead.
        return space > from + SOFT_MAX / 2 ? space + 1 : hard;
    }
}
