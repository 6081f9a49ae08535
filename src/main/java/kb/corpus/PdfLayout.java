package kb.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts one page's lines in reading order. A page has two columns when a vertical strip near its middle is crossed by
 * fewer runs of text than stop at its left edge or start at its right edge; then the lines that cross it (title,
 * abstract, a wide table) are read where they stand and, between two of them, the left column before the right.
 */
final class PdfLayout {
    static final int FULL_WIDTH = 0;
    static final int LEFT = 1;
    static final int RIGHT = 2;

    /** A line in reading order: page, column (0 full width, 1 left, 2 right), edges, baseline, type size, bold. */
    record Line(int page, int column, String text, float x0, float x1, float y, float size, boolean bold) {
        boolean sameSize(Line other) {
            return Math.abs(size - other.size) <= 0.6f;
        }
    }

    /** A gap wider than this many type sizes between two words of a PDFBox line can be a column gutter. */
    private static final float GUTTER_GAP = 1.0f;

    private PdfLayout() {}

    static List<Line> order(PdfLines.Page page) {
        Float gutter = gutter(page);
        List<Line> out = new ArrayList<>();
        List<Line> left = new ArrayList<>();
        List<Line> right = new ArrayList<>();
        for (List<PdfLines.Word> words : page.lines()) {
            int split = gutter == null ? -1 : splitAt(words, gutter);
            if (gutter == null || split < 0 && crosses(words, gutter)) {
                out.addAll(left);
                out.addAll(right);
                left.clear();
                right.clear();
                out.add(line(page.number(), FULL_WIDTH, words));
            } else if (split < 0 && continuesFullWidth(out, left, right, words)) {
                // The short last line of a full-width paragraph (an abstract) stays with it.
                out.add(line(page.number(), FULL_WIDTH, words));
            } else if (split < 0) {
                (words.get(0).x0() < gutter ? left : right).add(line(page.number(),
                        words.get(0).x0() < gutter ? LEFT : RIGHT, words));
            } else {
                left.add(line(page.number(), LEFT, words.subList(0, split)));
                right.add(line(page.number(), RIGHT, words.subList(split, words.size())));
            }
        }
        out.addAll(left);
        out.addAll(right);
        return out;
    }

    /** The x of the gutter between two columns, or null for a page read as one column. */
    static Float gutter(PdfLines.Page page) {
        int w = Math.max(1, (int) Math.ceil(page.width()));
        int[] cover = new int[w + 1];
        List<float[]> runs = new ArrayList<>();
        for (List<PdfLines.Word> words : page.lines()) {
            runs.addAll(runs(words));
        }
        for (float[] r : runs) {
            for (int x = Math.max(0, (int) r[0]); x <= Math.min(w, (int) r[1]); x++) {
                cover[x]++;
            }
        }
        int from = (int) (w * 0.3);
        int to = (int) (w * 0.7);
        int best = -1;
        int bestLen = 0;
        for (int x = from; x <= to; x++) {
            if (best < 0 || cover[x] < cover[best]) {
                best = x;
            }
        }
        if (best < 0) {
            return null;
        }
        // Take the middle of the widest stretch at the lowest coverage, so the gutter sits in the white strip.
        int start = -1;
        float mid = best;
        for (int x = from; x <= to + 1; x++) {
            boolean low = x <= to && cover[x] == cover[best];
            if (low && start < 0) {
                start = x;
            } else if (!low && start >= 0) {
                if (x - start > bestLen) {
                    bestLen = x - start;
                    mid = (start + x - 1) / 2f;
                }
                start = -1;
            }
        }
        int endingLeft = 0;
        int startingRight = 0;
        for (float[] r : runs) {
            if (r[1] <= mid && r[1] >= mid - w * 0.2) {
                endingLeft++;
            } else if (r[0] >= mid && r[0] <= mid + w * 0.2) {
                startingRight++;
            }
        }
        int crossing = cover[Math.round(mid)];
        int split = 0;
        for (List<PdfLines.Word> words : page.lines()) {
            split += splitAt(words, mid) > 0 ? 1 : 0;
        }
        // Lines cut in two at the strip prove columns even under a long full-width abstract; a strip that fewer
        // runs cross than stop at it proves them on a page whose columns rarely share a baseline.
        boolean columns = split >= 5
                || endingLeft >= 5 && startingRight >= 5 && crossing < Math.min(endingLeft, startingRight);
        return columns ? mid : null;
    }

    /** A PDFBox line cut where two words stand far apart: {start, end} of each run of close words. */
    private static List<float[]> runs(List<PdfLines.Word> words) {
        List<float[]> runs = new ArrayList<>();
        float start = words.get(0).x0();
        float end = words.get(0).x1();
        for (int i = 1; i < words.size(); i++) {
            PdfLines.Word word = words.get(i);
            if (word.x0() - end > GUTTER_GAP * Math.max(word.size(), 4f)) {
                runs.add(new float[] {start, end});
                start = word.x0();
            }
            end = Math.max(end, word.x1());
        }
        runs.add(new float[] {start, end});
        return runs;
    }

    /** The index of the first word right of the gutter when the line has words on both sides; -1 otherwise. */
    private static int splitAt(List<PdfLines.Word> words, float gutter) {
        for (int i = 1; i < words.size(); i++) {
            PdfLines.Word before = words.get(i - 1);
            PdfLines.Word after = words.get(i);
            if (before.x1() <= gutter + 1 && after.x0() >= gutter - 1
                    && after.x0() - before.x1() > GUTTER_GAP * Math.max(after.size(), 4f) * 0.8f) {
                return i;
            }
        }
        return -1;
    }

    private static boolean continuesFullWidth(List<Line> out, List<Line> left, List<Line> right,
            List<PdfLines.Word> words) {
        if (out.isEmpty() || !left.isEmpty() || !right.isEmpty()) {
            return false;
        }
        Line last = out.get(out.size() - 1);
        PdfLines.Word first = words.get(0);
        return last.column() == FULL_WIDTH && Math.abs(first.x0() - last.x0()) < 2
                && first.y() - last.y() < 2 * last.size() && Math.abs(first.size() - last.size()) < 0.6f;
    }

    private static boolean crosses(List<PdfLines.Word> words, float gutter) {
        return words.get(0).x0() < gutter && words.get(words.size() - 1).x1() > gutter;
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
