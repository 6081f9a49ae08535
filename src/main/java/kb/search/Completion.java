package kb.search;

/**
 * One autocomplete entry: {@code text} is what the search box would hold if chosen; {@code kind} is
 * {@code heading} (a section heading or article title, matched on any of its words) or {@code term} (an indexed
 * word completing the last word typed).
 */
public record Completion(String text, String kind) {
    public static final String HEADING = "heading";
    public static final String TERM = "term";
}
