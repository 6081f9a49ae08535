package kb.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Finds a PDF's title and authors. The metadata title is used only when it reads like a title: at least two words of
 * letters, not a file name ("main.dvi", "Microsoft Word - report.doc"), not a number, an id or "untitled". Otherwise
 * the title is the largest type in the top half of page 1 when it is larger than the page's body type (up to six
 * consecutive lines, joined). Authors come from the
 * metadata, else from the line right under the title when it reads as a list of names.
 */
final class PdfTitle {
    private static final Pattern FILE_NAME = Pattern.compile(
            "(?i).*\\.(?:dvi|docx?|rtf|pdf|tex|ps|eps|indd|qxd|qxp|p65|fm|wpd|odt|pages|txt|html?)\\b.*");
    private static final Pattern PRODUCER_PREFIX = Pattern.compile("(?i)^(?:microsoft (?:word|powerpoint) - |untitled|doi:).*");
    /** A metadata author that is the publisher ("Cambridge Journals", "Elsevier Ltd"), not a person. */
    private static final Pattern PUBLISHER = Pattern.compile(
            "(?i)\\b(?:journals?|press|publish\\w*|elsevier|springer|wiley|ltd|inc|gmbh|society|university|admin\\w*|user)\\b");
    /** Article-type labels that publishers set above the title in the title's own type. */
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^(?:research|review|original|short|brief|rapid)?\\s*(?:research\\s+)?(?:article|paper|communication|report|research|review|letter|editorial|case report)s?$");
    private static final int MAX_LINES = 6;
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}.'’-]*");

    /** The title lines found on page 1 (empty when the metadata title was used), so they are not passages too. */
    record Found(String title, List<PdfLayout.Line> lines) {}

    private PdfTitle() {}

    /** Whether a metadata title is a real title rather than a file name, number or placeholder. */
    static boolean isRealTitle(String title) {
        if (title == null) {
            return false;
        }
        String t = title.strip();
        if (t.isEmpty() || FILE_NAME.matcher(t).matches() || PRODUCER_PREFIX.matcher(t).matches()) {
            return false;
        }
        long letters = t.chars().filter(Character::isLetter).count();
        int words = 0;
        for (String w : t.split("\\s+")) {
            if (w.chars().filter(Character::isLetter).count() >= 2) {
                words++;
            }
        }
        return words >= 2 && letters * 2 >= t.replace(" ", "").length();
    }

    /** The title: the metadata's when real, else the largest type at the top of page 1; null when there is none. */
    static Found find(String metadataTitle, List<PdfLayout.Line> lines, PdfLines.Page firstPage) {
        if (isRealTitle(metadataTitle)) {
            return new Found(TextNormalizer.oneLine(metadataTitle), titleLines(metadataTitle, lines, firstPage));
        }
        List<PdfLayout.Line> top = new ArrayList<>(largestAtTop(lines, firstPage));
        if (top.size() > 1 && LABEL.matcher(top.get(0).text()).matches()) {
            top.remove(0);
        }
        if (top.isEmpty()) {
            return new Found(null, List.of());
        }
        StringBuilder title = new StringBuilder();
        for (PdfLayout.Line l : top) {
            title.append(title.isEmpty() ? "" : " ").append(l.text());
        }
        return new Found(title.toString().replaceAll("[\\s*†‡]+$", "").strip(), top);
    }

    /** Page 1's lines that spell the metadata title, so they are not repeated as a passage. */
    private static List<PdfLayout.Line> titleLines(String title, List<PdfLayout.Line> lines, PdfLines.Page firstPage) {
        String wanted = squash(title);
        for (PdfLayout.Line l : largestAtTop(lines, firstPage)) {
            if (!wanted.contains(squash(l.text()))) {
                return List.of();
            }
        }
        return largestAtTop(lines, firstPage);
    }

    /** The run of consecutive lines in the largest type in page 1's top half (a line needs a few letters to count). */
    private static List<PdfLayout.Line> largestAtTop(List<PdfLayout.Line> lines, PdfLines.Page firstPage) {
        List<PdfLayout.Line> page1 = new ArrayList<>();
        for (PdfLayout.Line l : lines) {
            if (l.page() == firstPage.number() && l.y() <= firstPage.height() * 0.5f
                    && l.text().chars().filter(Character::isLetter).count() >= 4) {
                page1.add(l);
            }
        }
        float max = 0;
        for (PdfLayout.Line l : page1) {
            max = Math.max(max, l.size());
        }
        // A page all in one type has no title by type: its first lines are text.
        if (max <= PdfMeasures.bodySize(page1) + 0.5f) {
            return List.of();
        }
        List<PdfLayout.Line> run = new ArrayList<>();
        for (PdfLayout.Line l : page1) {
            if (l.size() >= max - 0.6f) {
                PdfLayout.Line last = run.isEmpty() ? null : run.get(run.size() - 1);
                if (last != null && l.y() - last.y() > l.size() * 2.2f || run.size() == MAX_LINES) {
                    break;
                }
                run.add(l);
            } else if (!run.isEmpty()) {
                break;
            }
        }
        return run;
    }

    /** Authors from the metadata (split at ";" and " and "), else from the line under the title if it lists names. */
    static List<String> authors(String metadataAuthor, List<PdfLayout.Line> lines, List<PdfLayout.Line> titleLines) {
        if (metadataAuthor != null && !metadataAuthor.isBlank() && !PUBLISHER.matcher(metadataAuthor).find()) {
            return split(metadataAuthor.replaceAll("\\{?\\bet al\\.?}?", ""));
        }
        if (titleLines.isEmpty()) {
            return List.of();
        }
        int after = lines.indexOf(titleLines.get(titleLines.size() - 1)) + 1;
        if (after <= 0 || after >= lines.size()) {
            return List.of();
        }
        String line = lines.get(after).text().replaceAll("[\\d*†‡§¶#]+(?=[,\\s]|$)", "").strip();
        List<String> names = split(line.replace(",", ";"));
        for (String n : names) {
            String[] parts = n.split("\\s+");
            if (parts.length < 2 || parts.length > 5 || !NAME.matcher(parts[parts.length - 1]).matches()) {
                return List.of();
            }
        }
        return names;
    }

    private static List<String> split(String authors) {
        List<String> out = new ArrayList<>();
        for (String a : authors.split(";|\\s+and\\s+|\\s*&\\s*")) {
            String s = a.strip().replaceAll("[,.]$", "").strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
