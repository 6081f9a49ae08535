package kb.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PDF reference list, and how it marks where an entry starts, decided once from the lines after its heading: by
 * its numbers when the first line is numbered, by a hanging (or first-line) indent when some lines are indented,
 * else by a wider gap or a line opening with an author's name after an entry that ended.
 */
final class PdfReferenceList {
    private static final Pattern ENTRY_NUMBER = Pattern.compile("^(?:\\[(\\d{1,4})]\\s*|(\\d{1,4})[.)]\\s+|(\\d{1,4})\\s+(?=\\p{Lu}))");
    private static final Pattern AUTHOR_START = Pattern.compile(
            "^(?:(?:van|von|de|der|den|da|di|le|la|du)\\s+)*\\p{Lu}[\\p{L}'’\\-]+(?:,\\s*\\p{Lu}\\.|\\s+\\p{Lu}{1,3}[,.\\s]|,\\s+\\p{Lu}\\p{Ll}+)");

    private final PdfMeasures measures;
    private final boolean numbered;
    /** 1 when flush-left lines start entries (hanging indent), 2 when indented lines do, 0 for neither. */
    private final int indentStyle;
    private final Map<String, Float> listLeft = new HashMap<>();
    private int lastNumber;

    PdfReferenceList(PdfMeasures measures, List<PdfLayout.Line> all, int from) {
        this.measures = measures;
        List<PdfLayout.Line> list = new ArrayList<>();
        for (int i = from; i < all.size() && i < from + 3000; i++) {
            PdfLayout.Line l = all.get(i);
            if (!list.isEmpty() && !l.sameSize(list.get(0)) && PdfStructure.CAPTION.matcher(l.text()).find()) {
                break;
            }
            list.add(l);
            listLeft.merge(l.page() + ":" + l.column(), l.x0(), Math::min);
        }
        numbered = !list.isEmpty() && ENTRY_NUMBER.matcher(list.get(0).text()).find();
        int flush = 0;
        int indented = 0;
        int flushAuthors = 0;
        int indentedAuthors = 0;
        for (PdfLayout.Line l : list) {
            boolean author = AUTHOR_START.matcher(l.text()).find();
            if (indented(l)) {
                indented++;
                indentedAuthors += author ? 1 : 0;
            } else {
                flush++;
                flushAuthors += author ? 1 : 0;
            }
        }
        int total = flush + indented;
        if (numbered || total == 0 || indented * 5 < total || indented * 20 > total * 19) {
            indentStyle = 0;
        } else {
            indentStyle = flushAuthors * indented >= indentedAuthors * flush ? 1 : 2;
        }
    }

    private boolean indented(PdfLayout.Line l) {
        Float left = listLeft.get(l.page() + ":" + l.column());
        return left != null && l.x0() - left > 0.6f * l.size();
    }

    boolean looksLikeEntry(PdfLayout.Line l) {
        return ENTRY_NUMBER.matcher(l.text()).find() || AUTHOR_START.matcher(l.text()).find();
    }

    /**
     * Whether {@code line} is past the end of a numbered list: unnumbered, after a gap of almost two lines below
     * the entry read so far in the same column.
     */
    boolean endsList(PdfLayout.Line line, List<PdfLayout.Line> entry) {
        if (!numbered || entry.isEmpty() || ENTRY_NUMBER.matcher(line.text()).find()) {
            return false;
        }
        PdfLayout.Line prev = entry.get(entry.size() - 1);
        return prev.page() == line.page() && prev.column() == line.column()
                && line.y() - prev.y() > measures.spacingFor(line) * 1.8f;
    }

    /** Whether {@code line} opens a new entry, given the lines of the entry read so far. */
    boolean startsEntry(PdfLayout.Line line, List<PdfLayout.Line> entry) {
        if (entry.isEmpty()) {
            Matcher m = ENTRY_NUMBER.matcher(line.text());
            if (numbered && m.find()) {
                lastNumber = number(m);
            }
            return true;
        }
        if (numbered) {
            Matcher m = ENTRY_NUMBER.matcher(line.text());
            if (m.find() && number(m) == lastNumber + 1) {
                lastNumber++;
                return true;
            }
            return false;
        }
        if (indentStyle == 1) {
            return !indented(line);
        }
        if (indentStyle == 2) {
            return indented(line);
        }
        PdfLayout.Line prev = entry.get(entry.size() - 1);
        if (prev.page() == line.page() && prev.column() == line.column()
                && line.y() - prev.y() > measures.spacingFor(line) * 1.3f) {
            return true;
        }
        return prev.text().matches(".*[.\\d)]$") && AUTHOR_START.matcher(line.text()).find();
    }

    private static int number(Matcher m) {
        for (int g = 1; g <= 3; g++) {
            if (m.group(g) != null) {
                return Integer.parseInt(m.group(g));
            }
        }
        return 0;
    }
}
