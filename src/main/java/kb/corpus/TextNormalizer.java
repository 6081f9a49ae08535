package kb.corpus;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Brings text from any source to one shape before it is split: no BOM, LF line ends, Unicode NFC, single
 * spaces inside lines and trimmed lines. It only changes whitespace and code-point composition, never wording.
 */
public final class TextNormalizer {
    private static final Pattern HORIZONTAL_SPACE = Pattern.compile("\\h+");
    private static final Pattern ANY_SPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_SPACE = Pattern.compile("\\h+$", Pattern.MULTILINE);

    private TextNormalizer() {}

    /** Normalises a whole document, keeping its line structure (blank lines stay blank). */
    public static String normalize(String text) {
        String s = unified(text);
        StringBuilder out = new StringBuilder(s.length());
        int start = 0;
        while (start <= s.length()) {
            int end = s.indexOf('\n', start);
            if (end < 0) {
                end = s.length();
            }
            out.append(HORIZONTAL_SPACE.matcher(s.substring(start, end)).replaceAll(" ").strip());
            if (end < s.length()) {
                out.append('\n');
            }
            start = end + 1;
        }
        return out.toString();
    }

    /**
     * The same as {@link #normalize} but keeps leading indentation and runs of spaces, for formats where they
     * carry structure (Markdown nesting and code, HTML {@code <pre>}); only trailing whitespace is dropped.
     */
    public static String normalizeKeepingIndent(String text) {
        String s = unified(text);
        return TRAILING_SPACE.matcher(s).replaceAll("");
    }

    /** Normalises text that is meant as one run of prose: every line break becomes a single space. */
    public static String oneLine(String text) {
        return ANY_SPACE.matcher(normalize(text)).replaceAll(" ").strip();
    }

    /** No byte-order mark, "\n" line ends, NFC: what both normalisations start from ("" for null). */
    private static String unified(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        s = s.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
