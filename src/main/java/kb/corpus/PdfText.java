package kb.corpus;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the lines of a PDF into prose. Ligatures ("ﬁ", "ﬂ") and full-width forms become plain letters (NFKC on those
 * code points only, so "x²" and "½" stay as they are); a word split by a hyphen at a line end is joined when both
 * parts are lower case and the document never writes it with the hyphen ("esti-" + "mate" gives "estimate"), and
 * the hyphen is kept otherwise ("long-term" where the text has "long-term" elsewhere, "Lars-" + "Göran").
 */
final class PdfText {
    private static final Pattern HYPHENATED = Pattern.compile("\\p{L}+-\\p{L}+");
    private static final Pattern TRAILING_PART = Pattern.compile("(\\p{L}+)[-\u2010\u00AD]$");
    private static final Pattern LEADING_PART = Pattern.compile("^(\\p{L}+)");
    private static final Pattern SPACES = Pattern.compile("[\\h\u200B]+");

    private final Set<String> hyphenatedWords = new HashSet<>();

    /** Learns the words the document writes with a hyphen inside a line, from all of its lines. */
    PdfText(List<PdfLayout.Line> lines) {
        for (PdfLayout.Line line : lines) {
            String text = line.text();
            // A hyphen at the line's end is the one being decided, so it is no evidence.
            String inside = text.endsWith("-") ? text.substring(0, text.length() - 1) : text;
            Matcher m = HYPHENATED.matcher(inside);
            while (m.find()) {
                hyphenatedWords.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** One line's text with compatibility characters normalised and spaces single. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp >= 0xFB00 && cp <= 0xFB4F || cp >= 0xFF01 && cp <= 0xFFEE) {
                out.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
            } else {
                out.appendCodePoint(cp);
            }
        });
        String s = SPACES.matcher(out).replaceAll(" ").strip();
        // A soft hyphen inside a line only marks where a word may break; at the end it is a break (see join).
        s = s.replaceAll("\u00AD(?=\\S)", "");
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /** Appends {@code next} to {@code text} (the lines so far), joining a word split by a line-end hyphen. */
    String join(String text, String next) {
        StringBuilder out = new StringBuilder(text);
        append(out, next);
        return out.toString();
    }

    /** As {@link #join}, in place: a paragraph of thousands of lines is built in linear time. */
    void append(StringBuilder text, String next) {
        if (next.isEmpty()) {
            return;
        }
        if (text.isEmpty()) {
            text.append(next);
            return;
        }
        int last = text.length() - 1;
        if (text.charAt(last) == '\u00AD') {
            text.setLength(last);
            text.append(next);
            return;
        }
        // Only the end of the text so far can hold the first part of a split word.
        Matcher tail = TRAILING_PART.matcher(text.subSequence(Math.max(0, text.length() - 64), text.length()));
        if (!tail.find()) {
            text.append(' ').append(next);
            return;
        }
        Matcher head = LEADING_PART.matcher(next);
        if (!head.find()) {
            // "3-" + "5 mg": a hyphen before a number is a range or a compound; keep it and close the gap.
            text.append(next);
            return;
        }
        String before = tail.group(1);
        String after = head.group(1);
        boolean lowerCase = before.equals(before.toLowerCase(Locale.ROOT)) && after.equals(after.toLowerCase(Locale.ROOT));
        String withHyphen = (before + "-" + after).toLowerCase(Locale.ROOT);
        if (lowerCase && !hyphenatedWords.contains(withHyphen)) {
            text.setLength(last);
        }
        text.append(next);
    }
}
