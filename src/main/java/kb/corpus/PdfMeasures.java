package kb.corpus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What is ordinary in one PDF, measured on its body text: the type size, the distance between baselines, and each
 * column's left and right margin. Layout rules compare a line against these rather than against fixed points, so
 * they hold for any type size and page format.
 */
final class PdfMeasures {
    private final float body;
    private final float spacing;
    private final Map<String, float[]> margins = new HashMap<>();

    PdfMeasures(List<PdfLayout.Line> lines) {
        this.body = bodySize(lines);
        this.spacing = lineSpacing(lines, body);
        for (PdfLayout.Line l : lines) {
            float[] m = margins.computeIfAbsent(l.page() + ":" + l.column(), k -> new float[] {Float.MAX_VALUE, 0});
            if (Math.abs(l.size() - body) <= 0.6f) {
                m[0] = Math.min(m[0], l.x0());
                m[1] = Math.max(m[1], l.x1());
            }
        }
    }

    /** The body text's type size. */
    float body() {
        return body;
    }

    /** The column's left margin, where its body lines start; the line's own start when it has none. */
    float left(PdfLayout.Line l) {
        float[] m = margins.get(l.page() + ":" + l.column());
        return m == null || m[0] == Float.MAX_VALUE ? l.x0() : m[0];
    }

    /** The column's right margin, where its body lines end; the line's own end when it has none. */
    float right(PdfLayout.Line l) {
        float[] m = margins.get(l.page() + ":" + l.column());
        return m == null || m[1] == 0 ? l.x1() : m[1];
    }

    /** The baseline distance expected for lines in the type size of {@code l}. */
    float spacingFor(PdfLayout.Line l) {
        return spacing * l.size() / body;
    }

    /** The most common type size, counted by characters: the body text's. */
    static float bodySize(List<PdfLayout.Line> lines) {
        Map<Float, Integer> chars = new HashMap<>();
        for (PdfLayout.Line l : lines) {
            // A long reference list in small type must not pass for the body text.
            if (chars.size() > 0 && ReferenceSections.isReferenceHeading(l.text())) {
                break;
            }
            chars.merge(l.size(), l.text().length(), Integer::sum);
        }
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    /** The most common distance between the baselines of two body lines that follow each other in a column. */
    private static float lineSpacing(List<PdfLayout.Line> lines, float body) {
        Map<Float, Integer> gaps = new HashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            PdfLayout.Line a = lines.get(i - 1);
            PdfLayout.Line b = lines.get(i);
            float gap = b.y() - a.y();
            if (a.page() == b.page() && a.column() == b.column() && Math.abs(a.size() - body) <= 0.6f
                    && Math.abs(b.size() - body) <= 0.6f && gap > body * 0.8f && gap < body * 2.5f) {
                gaps.merge(Math.round(gap * 2) / 2f, 1, Integer::sum);
            }
        }
        return gaps.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(body * 1.2f);
    }
}
