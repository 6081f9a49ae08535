package kb.web;

import kb.search.MarkedText;
import org.jsoup.nodes.Entities;

/**
 * Marked text as HTML: every stretch escaped, each match in {@code <mark>}; the one place web markup meets search text.
 *
 * <p>jsoup's {@link Entities#escape(String)} decides how a character is escaped; it escapes each code point on its
 * own, and leaves all but a few as they are. Composing a search's JSON spent most of its time in it (60% of
 * {@code ApiJson.page}, sampled on SciFact's pages), so text is copied as it is up to the next character jsoup would
 * change, and only that character is handed to jsoup. The rule, checked against jsoup for every code point and for
 * random strings ({@code MarkedHtmlTest}): the output is jsoup's, character for character.
 */
final class MarkedHtml {
    private MarkedHtml() {}

    /** jsoup's escape of each character below U+0100, or null where jsoup leaves it as it is. */
    private static final String[] LATIN1 = new String[0x100];

    static {
        for (char c = 0; c < LATIN1.length; c++) {
            String s = String.valueOf(c);
            String escaped = Entities.escape(s);
            LATIN1[c] = escaped.equals(s) ? null : escaped;
        }
    }

    static String of(MarkedText marked) {
        return marked.wrap(MarkedHtml::escape, "<mark>", "</mark>");
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        int n = text.length();
        int i = 0;
        while (i < n && !special(text.charAt(i))) {
            i++;
        }
        if (i == n) {
            return text;
        }
        StringBuilder out = new StringBuilder(n + 16).append(text, 0, i);
        while (i < n) {
            char c = text.charAt(i);
            if (!special(c)) {
                out.append(c);
                i++;
            } else if (c < LATIN1.length) {
                out.append(LATIN1[c]);
                i++;
            } else {
                // A surrogate: jsoup escapes some pairs and every lone one; it is given the whole code point.
                int cp = text.codePointAt(i);
                int len = Character.charCount(cp);
                out.append(Entities.escape(text.substring(i, i + len)));
                i += len;
            }
        }
        return out.toString();
    }

    /** Whether jsoup might change {@code c}: a character below U+0100 it escapes, or half of a surrogate pair. */
    private static boolean special(char c) {
        return c < LATIN1.length ? LATIN1[c] != null : Character.isSurrogate(c);
    }
}
