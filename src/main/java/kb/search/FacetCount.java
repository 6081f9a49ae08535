package kb.search;

/** One facet value: {@code value} is what a filter takes (an article slug, a section label), {@code label} is shown. */
public record FacetCount(String value, String label, long count) {}
