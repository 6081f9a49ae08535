package kb.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts one page's lines in reading order. A gutter is a vertical strip where many lines leave a wide gap with words
 * on both sides; the lines that span a gutter (title, abstract, a wide table) are read where they stand and, between
 * two of them, each column top to bottom, left to right. A page with no gutter is one column.
 */
final class PdfLayout {
    static final int FULL_WIDTH = 0;

    /** A line in reading order: page, column (0 full width, then 1, 2… from the left), edges, baseline, size, bold. */
    record Line(int page, int column, String text, float x0, float x1, float y, float size, boolean bold) {
        boolean sameSize(Line other) {
            return Math.abs(size - other.size) <= 0.6f;
        }
    }

    /** A gap wider than this many type sizes between two words of a PDFBox line can be a column gutter. */
    private static final float GUTTER_GAP = 1.0f;
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("\\[?\\d{1,3}[.)\\]]");

    private PdfLayout() {}

    static List<Line> order(PdfLines.Page page) {
        List<Float> gutters = gutters(page);
        List<Line> out = new ArrayList<>();
        List<List<Line>> columns = new ArrayList<>();
        for (int c = 0; c <= gutters.size(); c++) {
            columns.add(new ArrayList<>());
        }
        for (List<PdfLines.Word> words : page.lines()) {
            int from = 0;
            for (int cut : cuts(words, gutters)) {
                place(page.number(), words.subList(from, cut), gutters, out, columns);
                from = cut;
            }
        }
        columns.forEach(out::addAll);
        return out;
    }

    /** Adds a piece of a line to its column, or, when it spans a gutter, reads the columns so far and then it. */
    private static void place(int page, List<PdfLines.Word> words, List<Float> gutters, List<Line> out,
            List<List<Line>> columns) {
        float x0 = words.get(0).x0();
        float x1 = words.get(words.size() - 1).x1();
        int column = 0;
        boolean wide = false;
        for (float g : gutters) {
            if (x1 <= g + 1) {
                break;
            }
            if (x0 < g - 1) {
                wide = true;
            }
            column++;
        }
        boolean noBuffered = columns.stream().allMatch(List::isEmpty);
        if (wide || gutters.isEmpty()) {
            columns.forEach(out::addAll);
            columns.forEach(List::clear);
            out.add(line(page, FULL_WIDTH, words));
        } else if (noBuffered && continuesFullWidth(out, words)) {
            // The short last line of a full-width paragraph (an abstract) stays with it.
            out.add(line(page, FULL_WIDTH, words));
        } else {
            columns.get(column).add(line(page, column + 1, words));
        }
    }

    /**
     * The x of each gutter between columns, left to right: a strip, away from the page edges, where at least five
     * lines (and a fifth of them) have a wide gap with words on both sides. Empty for a page read as one column.
     */
    static List<Float> gutters(PdfLines.Page page) {
        int w = Math.max(1, (int) Math.ceil(page.width()));
        int[] gaps = new int[w + 1];
        for (List<PdfLines.Word> words : page.lines()) {
            for (int i = 1; i < words.size(); i++) {
                PdfLines.Word before = words.get(i - 1);
                PdfLines.Word after = words.get(i);
                if (after.x0() - before.x1() > GUTTER_GAP * Math.max(after.size(), 4f) * 0.8f
                        && !(i == 1 && isLabel(before))) {
                    for (int x = Math.max(0, (int) Math.ceil(before.x1())); x <= Math.min(w, (int) after.x0()); x++) {
                        gaps[x]++;
                    }
                }
            }
        }
        int needed = Math.max(5, page.lines().size() / 5);
        List<Float> gutters = new ArrayList<>();
        int start = -1;
        int from = (int) (w * 0.1);
        int to = (int) (w * 0.9);
        for (int x = from; x <= to + 1; x++) {
            boolean open = x <= to && gaps[x] >= needed;
            if (open && start < 0) {
                start = x;
            } else if (!open && start >= 0) {
                // The gutter is where the most lines leave a gap: the middle of the widest-agreed stretch.
                int best = start;
                for (int i = start; i < x; i++) {
                    if (gaps[i] > gaps[best]) {
                        best = i;
                    }
                }
                int end = best;
                while (end + 1 < x && gaps[end + 1] == gaps[best]) {
                    end++;
                }
                gutters.add((best + end) / 2f);
                start = -1;
            }
        }
        return gutters;
    }

    /**
     * Whether a line's first word is a list label ("12.", "[3]", "4)"): the gap after it is the tab of a numbered
     * list (a reference list sets its numbers apart), and a column of labels is no column of text.
     */
    private static boolean isLabel(PdfLines.Word w) {
        return LABEL.matcher(w.text()).matches();
    }

    /** Where a PDFBox line is cut: before each word that starts across a gutter after a wide gap, and at its end. */
    private static List<Integer> cuts(List<PdfLines.Word> words, List<Float> gutters) {
        List<Integer> cuts = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            PdfLines.Word before = words.get(i - 1);
            PdfLines.Word after = words.get(i);
            boolean wide = after.x0() - before.x1() > GUTTER_GAP * Math.max(after.size(), 4f) * 0.8f;
            for (float g : gutters) {
                if (wide && before.x1() <= g + 1 && after.x0() >= g - 1) {
                    cuts.add(i);
                    break;
                }
            }
        }
        cuts.add(words.size());
        return cuts;
    }

    private static boolean continuesFullWidth(List<Line> out, List<PdfLines.Word> words) {
        if (out.isEmpty()) {
            return false;
        }
        Line last = out.get(out.size() - 1);
        PdfLines.Word first = words.get(0);
        return last.column() == FULL_WIDTH && Math.abs(first.x0() - last.x0()) < 2
                && first.y() - last.y() < 2 * last.size() && Math.abs(first.size() - last.size()) < 0.6f;
    }


    private static Line line(int page, int column, List<PdfLines.Word> words) {
        StringBuilder text = new StringBuilder();
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        float y = 0;
        double sizeWeight = 0;
        int chars = 0;
        int boldChars = 0;
        java.util.Map<Float, Integer> sizes = new java.util.HashMap<>();
        for (PdfLines.Word w : words) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(w.text());
            x0 = Math.min(x0, w.x0());
            x1 = Math.max(x1, w.x1());
            int n = Math.max(1, w.text().length());
            sizes.merge(Math.round(w.size() * 2) / 2f, n, Integer::sum);
            chars += n;
            if (w.bold()) {
                boldChars += n;
            }
            // The baseline of the line is that of its longest word, not of a raised note mark.
            if (n > sizeWeight) {
                sizeWeight = n;
                y = w.y();
            }
        }
        float size = sizes.entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        return new Line(page, column, PdfText.clean(text.toString()), x0, x1, y, size, boldChars * 5 >= chars * 4);
    }
}
