package kb.search;

/** A stretch of text from {@code start} (inclusive) to {@code end} (exclusive), in UTF-16 units as Java and JavaScript count them. */
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
