package kb.corpus;

import java.util.regex.Pattern;

/**
 * Whether a line of text reads as a title, for formats with no declared one: a single short line (at most 12 words
 * and 120 characters) with a letter in it, that does not end like a sentence or a clause (".", ",", ";", ":") and
 * does not start like a list item, a table row, a quote or a link.
 */
final class TitleGuess {
    private static final int MAX_WORDS = 12;
    private static final int MAX_CHARS = 120;
    private static final Pattern NOT_A_TITLE_START = Pattern.compile("^(?:[-*+>|#]|\\d+[.)]\\s|https?://|www\\.)");

    private TitleGuess() {}

    /** {@code line} stripped when it reads as a title, else "". */
    static String ofLine(String line) {
        if (line == null) {
            return "";
        }
        String s = line.strip();
        if (s.isEmpty() || s.indexOf('\n') >= 0 || s.length() > MAX_CHARS || !s.codePoints().anyMatch(Character::isLetter)
                || NOT_A_TITLE_START.matcher(s).find() || s.matches(".*[.,;:]$") || s.split("\\s+").length > MAX_WORDS) {
            return "";
        }
        return s;
    }

    /** The first candidate that is not blank, stripped; "" when all are. */
    static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null && !c.isBlank()) {
                return c.strip();
            }
        }
        return "";
    }
}
