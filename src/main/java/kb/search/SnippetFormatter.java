package kb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Turns the highlighter's passages into a {@link Highlight}, not into markup. The highlighter is asked for every
 * passage with a match, so {@code inText} holds every match as offsets into the whole passage text (what API
 * users highlight in their own view); the snippet is the {@code shown} best-scoring of them (on equal scores the
 * later one, as Lucene's own top-passages queue keeps), in reading order, joined by an ellipsis where they do not
 * touch. Overlapping matches become one mark; a match running past its passage is cut at the passage's end.
 */
final class SnippetFormatter extends PassageFormatter {
    static final String ELLIPSIS = " … ";
    private static final Comparator<Passage> BEST_FIRST = Comparator.comparingDouble(Passage::getScore)
            .thenComparingInt(Passage::getStartOffset).reversed();

    private final int shown;

    SnippetFormatter(int shown) {
        this.shown = shown;
    }

    /** What the highlighter found in one passage text. */
    record Highlight(MarkedText snippet, List<Span> inText) {}

    @Override
    public Highlight format(Passage[] passages, String content) {
        List<Span> inText = new ArrayList<>();
        for (Passage passage : passages) {
            forEachMatch(passage, (start, end) -> inText.add(new Span(start, end)));
        }
        Passage[] best = passages.length <= shown ? passages
                : Arrays.stream(passages).sorted(BEST_FIRST).limit(shown)
                        .sorted(Comparator.comparingInt(Passage::getStartOffset)).toArray(Passage[]::new);
        StringBuilder text = new StringBuilder();
        List<Span> marks = new ArrayList<>();
        int pos = 0;
        for (Passage passage : best) {
            if (passage.getStartOffset() > pos && pos > 0) {
                text.append(ELLIPSIS);
            }
            int[] at = {passage.getStartOffset()};
            forEachMatch(passage, (start, end) -> {
                text.append(content, at[0], start);
                marks.add(new Span(text.length(), text.length() + end - start));
                text.append(content, start, end);
                at[0] = end;
            });
            text.append(content, at[0], Math.max(at[0], passage.getEndOffset()));
            pos = passage.getEndOffset();
        }
        return new Highlight(new MarkedText(text.toString(), marks), List.copyOf(dedupe(inText)));
    }

    private interface MatchConsumer {
        void accept(int start, int end);
    }

    /** The passage's matches in order, overlapping ones merged, each inside the passage. */
    private static void forEachMatch(Passage passage, MatchConsumer consumer) {
        int[] starts = passage.getMatchStarts();
        int[] ends = passage.getMatchEnds();
        int pos = passage.getStartOffset();
        for (int i = 0; i < passage.getNumMatches(); i++) {
            int start = starts[i];
            int end = ends[i];
            while (i + 1 < passage.getNumMatches() && starts[i + 1] < end) {
                end = Math.max(end, ends[++i]);
            }
            end = Math.min(end, passage.getEndOffset());
            if (start >= pos && end > start) {
                consumer.accept(start, end);
                pos = end;
            }
        }
    }

    /** Neighbouring passages may both hold a match that straddles their boundary: keep the spans apart. */
    private static List<Span> dedupe(List<Span> spans) {
        List<Span> out = new ArrayList<>(spans.size());
        for (Span s : spans) {
            if (out.isEmpty() || s.start() >= out.get(out.size() - 1).end()) {
                out.add(s);
            }
        }
        return out;
    }
}
