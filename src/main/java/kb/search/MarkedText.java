package kb.search;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Text with the query's matches marked as spans over it, in order and never overlapping. The search layer says what
 * matched; each edge decides how a mark looks ({@code <mark>} with escaping on a page, brackets in a terminal).
 */
public record MarkedText(String text, List<Span> marks) {
    public MarkedText {
        text = text == null ? "" : text;
        marks = List.copyOf(marks);
        int last = 0;
        for (Span s : marks) {
            if (s.start() < last || s.end() > text.length()) {
                throw new IllegalArgumentException("marks must be in order, apart and inside the text: " + marks);
            }
            last = s.end();
        }
    }

    /** The text with nothing marked. */
    public static MarkedText plain(String text) {
        return new MarkedText(text, List.of());
    }

    /** The marked stretches, in order ("NMDA", "receptor"). */
    public List<String> markedWords() {
        return marks.stream().map(s -> text.substring(s.start(), s.end())).toList();
    }

    /**
     * The text with each stretch, marked or not, passed through {@code asShown} (an escaper, or nothing) and each
     * mark put between {@code before} and {@code after}.
     */
    public String wrap(UnaryOperator<String> asShown, String before, String after) {
        StringBuilder out = new StringBuilder(text.length() + marks.size() * (before.length() + after.length()));
        int pos = 0;
        for (Span s : marks) {
            out.append(asShown.apply(text.substring(pos, s.start()))).append(before)
                    .append(asShown.apply(text.substring(s.start(), s.end()))).append(after);
            pos = s.end();
        }
        return out.append(asShown.apply(text.substring(pos))).toString();
    }
}
