package kb.search;

/**
 * What a caller asks of {@link SearchEngine#search}: the query text as the person typed it, a 1-based page,
 * a page size, optional filters (an article slug; a section key as given in facets), whether a misspelled word may
 * be corrected ("search instead for" turns that off), and how to rank ({@link SearchMode}, hybrid unless asked).
 * Limits are checked by the engine, which answers a bad value with {@link BadQueryException}.
 */
public record SearchRequest(String query, int page, int size, String article, String section, boolean correctSpelling,
        SearchMode mode) {
    public SearchRequest {
        mode = mode == null ? SearchMode.HYBRID : mode;
    }

    public SearchRequest(String query, int page, int size, String article, String section, boolean correctSpelling) {
        this(query, page, size, article, section, correctSpelling, SearchMode.HYBRID);
    }

    public SearchRequest(String query, int page, int size, String article, String section) {
        this(query, page, size, article, section, true);
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, 1, SearchLimits.DEFAULT_PAGE_SIZE, null, null);
    }

    public SearchRequest withMode(SearchMode m) {
        return new SearchRequest(query, page, size, article, section, correctSpelling, m);
    }
}
