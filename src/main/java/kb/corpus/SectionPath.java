package kb.corpus;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The headings above the current point of a document, outermost first: a heading closes every open heading of its
 * level or deeper. The path is in a reference list when any of its headings opens one
 * ({@link ReferenceSections#isReferenceHeading}), so a sub-heading inside "References" stays in the list.
 */
final class SectionPath {
    private record Level(int level, String text) {}

    private final Deque<Level> open = new ArrayDeque<>();

    /** Opens a heading of {@code level} (1 outermost); a blank heading only closes the deeper ones. */
    void enter(int level, String text) {
        while (!open.isEmpty() && open.peekLast().level() >= level) {
            open.removeLast();
        }
        if (!text.isEmpty()) {
            open.addLast(new Level(level, text));
        }
    }

    boolean isEmpty() {
        return open.isEmpty();
    }

    List<String> headings() {
        return open.stream().map(Level::text).toList();
    }

    boolean isReferences() {
        return open.stream().anyMatch(l -> ReferenceSections.isReferenceHeading(l.text()));
    }
}
