package kb.search;

/**
 * What a caller asks of {@link SearchEngine#search}: the query text as the person typed it, a 1-based page,
 * a page size, optional filters (an article slug; a section path label as shown in facets), and whether a
 * misspelled word may be corrected ("search instead for" turns that off). Limits are checked by the service,
 * which answers a bad value with {@link BadQueryException}.
 */
public record SearchRequest(String query, int page, int size, String article, String section, boolean correctSpelling) {
    public SearchRequest(String query, int page, int size, String article, String section) {
        this(query, page, size, article, section, true);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, 1, SearchLimits.DEFAULT_PAGE_SIZE, null, null);
    }
}
