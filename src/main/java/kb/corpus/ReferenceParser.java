package kb.corpus;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one reference entry into a {@link Reference}: APA-like ("2. Lener, M. S., ... (2017). Title. Journal,
 * 77(4), 381-401.") or Vancouver-like ("Kudsk KA, Croce MA: Title. J Trauma 1989, 29:916-922."). Parts it cannot recognise stay empty rather than guessed; the entry text itself is never lost.
 */
public final class ReferenceParser {
    /** "[3] ", "3. ", "3) ", or a bare "3 " before a surname and its comma ("3 Bergmann, R."). */
    private static final Pattern NUMBER = Pattern.compile(
            "^(?:\\[?(\\d{1,4})[.)\\]]\\s+|(\\d{1,3})\\s+(?=\\p{Lu}[\\p{L}'’-]+,\\s))");
    /** Layout notes left behind by copying from a word processor, e.g. "(Italic, Grey and size 8pt)". */
    private static final Pattern LAYOUT_RESIDUE = Pattern.compile(
            "\\s*\\((?=[^()]*\\b(?:italic|italics|grey|gray|bold|size|font|\\d+(?:\\.\\d+)?\\s*pt)\\b)[^()]*\\)\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YEAR = Pattern.compile("\\((\\d{4}[a-z]?|n\\.d\\.)(?:,[^()]*)?\\)\\.?");
    /** A title ends at the first sentence end followed by a capitalised word (the journal or publisher). */
    private static final Pattern TITLE_END = Pattern.compile("([.?!])\\s+(?=[\\p{Lu}\\d])");
    /**
     * A journal name ends at its volume (", 77(4)" or " 266,"), at its last full stop, or at a full stop after a
     * whole word: the dot of an abbreviation ("J. Biol. Chem.") is part of the name.
     */
    private static final Pattern JOURNAL_END = Pattern.compile(",\\s*(?:\\d|[A-Za-z]?\\d)|\\s+\\d+\\s*[,(:;]|\\.\\s*$"
            + "|(?<!\\b\\p{Lu}\\p{Ll}{0,4})\\.\\s+(?=\\p{Lu}|\\d|https?:|doi)");
    /** The year straight after a Vancouver author list, as some journals set it: "Eddy SR. 1998. Title." */
    private static final Pattern LEADING_YEAR = Pattern.compile("^(1[6-9]\\d{2}|20\\d{2})[a-z]?\\.\\s*");

    /**
     * One Vancouver-style author: a surname (maybe several words) and initials without dots, "Kudsk KA"; some PDFs
     * lose the space before the initials ("MillerW"), so initials may follow a lower-case letter directly.
     */
    private static final String VANCOUVER_AUTHOR =
            "(?:(?:van|von|de|der|den|da|di|du|le|la)\\s)*\\p{Lu}[\\p{L}'’-]+(?:\\s(?:van|von|de|der|den|da|di|du|le|la|\\p{Lu}[\\p{L}'’-]+))*(?:\\s|(?<=\\p{Ll}))\\p{Lu}{1,3}";
    /** The author list of a Vancouver entry, ended by '.' or ':' ("Kudsk KA, Croce MA, Fabian TC: Title ..."). */
    private static final Pattern VANCOUVER_AUTHORS = Pattern.compile("^(" + VANCOUVER_AUTHOR + "(?:,\\s*" + VANCOUVER_AUTHOR
            + ")*(?:,?\\s*(?:et al|and others))?)(?:\\.\\s*:?|:)\\s+");
    private static final Pattern LOOSE_YEAR = Pattern.compile("\\b(1[6-9]\\d{2}|20\\d{2})[a-z]?\\b");

    private ReferenceParser() {}

    /** True when the text looks like a reference entry: it carries a parenthesised year such as "(2020)". */
    public static boolean looksLikeReference(String text) {
        return YEAR.matcher(text).find();
    }

    /** The entry number at the start ("2. ..." gives 2), or 0 when the entry is unnumbered. */
    public static int number(String entry) {
        Matcher m = NUMBER.matcher(entry.strip());
        return m.find() ? Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)) : 0;
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
            return vancouver(number, text);
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

    /**
     * The biomedical (Vancouver) style, without a parenthesised year: "Kudsk KA, Croce MA: Title. J Trauma 1989,
     * 29:916-922." or "Smith J, Jones K. Title. Lancet. 2001;357:1-5." Authors, title, journal and the year after
     * the title are taken when the author list is recognisable; otherwise every part stays empty.
     */
    private static Reference vancouver(int number, String text) {
        Matcher a = VANCOUVER_AUTHORS.matcher(text);
        if (!a.find()) {
            return new Reference(number, "", "", "", "");
        }
        String authors = a.group(1).strip();
        String rest = text.substring(a.end()).strip();
        Matcher leading = LEADING_YEAR.matcher(rest);
        if (leading.find()) {
            // Author-year biomedical style: the year stands before the title, the journal runs to its volume.
            String afterYear = rest.substring(leading.end()).strip();
            Matcher t = TITLE_END.matcher(afterYear);
            String title = t.find() ? afterYear.substring(0, t.start()) + (t.group(1).equals(".") ? "" : t.group(1))
                    : afterYear.replaceAll("\\.$", "");
            String tail = t.find(0) ? afterYear.substring(t.end()).strip() : "";
            Matcher j = JOURNAL_END.matcher(tail);
            String journal = (j.find() ? tail.substring(0, j.start()) : tail).strip();
            return new Reference(number, authors, leading.group(1), title.strip(), journal);
        }
        String title = rest.replaceAll("\\.$", "");
        String tail = "";
        Matcher t = TITLE_END.matcher(rest);
        if (t.find()) {
            String mark = t.group(1);
            title = rest.substring(0, t.start()) + (mark.equals(".") ? "" : mark);
            tail = rest.substring(t.end()).strip();
        }
        Matcher y = LOOSE_YEAR.matcher(tail);
        String year = y.find() ? y.group(1) : "";
        String journal = (y.find(0) ? tail.substring(0, y.start()) : tail).replaceAll("[\\s.,;:]+$", "").strip();
        return new Reference(number, authors, year, title.strip(), journal);
    }
}
