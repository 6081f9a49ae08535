package kb.corpus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the lines that are page furniture, not text: in the top or bottom margin band of a page, a page number
 * ("3", "Page 3 of 10", "- 3 -", "iv"), or a line that comes back, numbers aside, on a quarter or more of the pages
 * (at least two): running heads, journal banners, footers with the licence or the URL.
 */
final class RunningHeaders {
    /** The share of the page height, at the top and at the bottom, where headers and footers sit. */
    private static final float MARGIN_BAND = 0.12f;
    private static final Pattern PAGE_NUMBER = Pattern.compile(
            "(?i)^[-–—\\s]*(?:page\\s*)?(?:\\d{1,4}|[ivxlc]{1,6})(?:\\s*(?:of|/)\\s*\\d{1,4})?[-–—\\s]*$");

    private RunningHeaders() {}

    /** The lines of every page without its headers, footers and page numbers, in the same order. */
    static List<PdfLayout.Line> remove(List<List<PdfLayout.Line>> pages, List<PdfLines.Page> geometry) {
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            for (PdfLayout.Line line : pages.get(p)) {
                if (inMargin(line, geometry.get(p))) {
                    pagesByKey.computeIfAbsent(key(line.text()), k -> new HashSet<>()).add(p);
                }
            }
        }
        int repeats = Math.max(2, (int) Math.ceil(pages.size() / 4.0));
        List<PdfLayout.Line> kept = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            for (PdfLayout.Line line : pages.get(p)) {
                boolean furniture = inMargin(line, geometry.get(p)) && (PAGE_NUMBER.matcher(line.text()).matches()
                        || pagesByKey.get(key(line.text())).size() >= repeats);
                if (!furniture) {
                    kept.add(line);
                }
            }
        }
        return kept;
    }

    /**
     * The lines without the running heads that repeat the article's title (on alternate pages, so too rarely for
     * {@link #remove}): a margin line of three words or more, numbers aside, that is part of {@code title}.
     */
    static List<PdfLayout.Line> removeTitleHeads(List<PdfLayout.Line> lines, List<PdfLines.Page> geometry, String title,
            Set<PdfLayout.Line> titleLines) {
        String t = key(title);
        List<PdfLayout.Line> kept = new ArrayList<>();
        for (PdfLayout.Line line : lines) {
            String k = key(line.text()).replace("#", "").strip();
            boolean head = !titleLines.contains(line) && inMargin(line, geometry.get(line.page() - 1))
                    && k.split(" ").length >= 3 && t.contains(k);
            if (!head) {
                kept.add(line);
            }
        }
        return kept;
    }

    private static boolean inMargin(PdfLayout.Line line, PdfLines.Page page) {
        return line.y() <= page.height() * MARGIN_BAND || line.y() >= page.height() * (1 - MARGIN_BAND);
    }

    /** The line with numbers and spacing taken out, so "148 A. Smith et al." matches "150 A. Smith et al.". */
    static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("\\d+", "#").replaceAll("[\\s\\p{Punct}]+", " ").strip();
    }
}
