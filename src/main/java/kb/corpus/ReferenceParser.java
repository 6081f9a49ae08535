package kb.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one APA-like reference entry ("2. Lener, M. S., ... (2017). Title. Journal, 77(4), 381-401.") into a
 * {@link Reference}. Parts it cannot recognise stay empty rather than guessed; the entry text itself is never lost.
 */
public final class ReferenceParser {
    private static final Pattern NUMBER = Pattern.compile("^\\[?(\\d{1,4})[.)\\]]\\s+");
    /** Layout notes left behind by copying from a word processor, e.g. "(Italic, Grey and size 8pt)". */
    private static final Pattern LAYOUT_RESIDUE = Pattern.compile(
            "\\s*\\((?=[^()]*\\b(?:italic|italics|grey|gray|bold|size|font|\\d+(?:\\.\\d+)?\\s*pt)\\b)[^()]*\\)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4}[a-z]?|n\\.d\\.)(?:,[^()]*)?\\)\\.?");
    /** A title ends at the first sentence end followed by a capitalised word (the journal or publisher). */
    private static final Pattern TITLE_END = Pattern.compile("([.?!])\\s+(?=[\\p{Lu}\\d])");
    private static final Pattern JOURNAL_END = Pattern.compile(",\\s*(?:\\d|[A-Za-z]?\\d)|\\.\\s*$|\\.\\s+(?=\\p{Lu}|\\d|https?:|doi)");

    private ReferenceParser() {}

    /** True when the text looks like a reference entry: it carries a parenthesised year such as "(2020)". */
    public static boolean looksLikeReference(String text) {
        return YEAR.matcher(text).find();
    }

    /** The entry number at the start ("2. ..." gives 2), or 0 when the entry is unnumbered. */
    public static int number(String entry) {
        Matcher m = NUMBER.matcher(entry.strip());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** The entry as a passage shows it: without its list number and without trailing layout residue. */
    public static String cleanText(String entry) {
        String s = NUMBER.matcher(entry.strip()).replaceFirst("");
        return stripResidue(s);
    }

    /** Drops trailing layout notes such as "(Italic, Grey and size 8pt)"; other text is kept as it is. */
    public static String stripResidue(String text) {
        String s = text.strip();
        String before;
        do {
            before = s;
            s = LAYOUT_RESIDUE.matcher(s).replaceFirst("").strip();
        } while (!s.equals(before));
        return s;
    }

    public static Reference parse(String entry) {
        int number = number(entry);
        String text = cleanText(entry);
        Matcher y = YEAR.matcher(text);
        if (!y.find()) {
            return new Reference(number, "", "", "", "");
        }
        String authors = text.substring(0, y.start()).strip();
        String year = y.group(1);
        String rest = text.substring(y.end()).strip();
        String title = rest;
        String journal = "";
        Matcher t = TITLE_END.matcher(rest);
        if (t.find()) {
            String mark = t.group(1);
            title = rest.substring(0, t.start()) + (mark.equals(".") ? "" : mark);
            String tail = rest.substring(t.end()).strip();
            Matcher j = JOURNAL_END.matcher(tail);
            journal = (j.find() ? tail.substring(0, j.start()) : tail).strip();
        } else {
            title = title.replaceAll("\\.$", "");
        }
        return new Reference(number, authors, year, title.strip(), journal);
    }
}
