package kb.search;

import java.util.List;

/**
 * One facet value: {@code value} is what a filter takes (an article slug, a section key), {@code label} is the
 * article's title or the section's innermost heading, {@code path} the section's headings outermost first (empty for
 * an article).
 */
public record FacetCount(String value, String label, List<String> path, long count) {}
