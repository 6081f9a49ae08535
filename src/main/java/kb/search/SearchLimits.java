package kb.search;

/**
 * The limits every caller of search shares, spelled once: the web pages, the JSON API, the CLI and the bench read
 * them here, and {@link #checkPaging} is the one check of a requested page.
 */
public final class SearchLimits {
    /** The deepest result a page may reach: (page - 1) * size + size. */
    public static final int MAX_RESULT_WINDOW = 10_000;
    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 10;
    public static final int MAX_COMPLETIONS = 20;
    public static final int MAX_COMPLETION_INPUT = 200;
    /** Values shown per facet (articles, sections). */
    public static final int FACET_VALUES = 10;
    /**
     * Matches counted one by one (Lucene's own default for counting hits): up to this many, a page's total, facets
     * and article counts are exact; a query matching more says "more than" this many. Counting every match was a
     * fifth of a broad query's time and grew with the corpus.
     */
    public static final int EXACT_COUNT = 1_000;
    /**
     * The passages kb's full weighting ranks for a page of up to this many hits ({@code FirstPass}, and the article
     * rescoring after it); past {@link #EXACT_COUNT}, facets and article counts are over these. Measured from 30 to
     * 200 on MedQuAD, SciFact, the seed and the long documents (README, Relevance).
     */
    public static final int BEST_COUNTED = 30;
    /** Articles shown above the passages, the ones a search is about. */
    public static final int TOP_ARTICLES = 5;

    private SearchLimits() {}

    /** Refuses a page size, page number or depth outside the limits, saying which and why. */
    public static void checkPaging(int page, int size) throws BadQueryException {
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadQueryException("size must be between 1 and " + MAX_PAGE_SIZE + ", not " + size + ".");
        }
        if (page < 1) {
            throw new BadQueryException("page must be 1 or more, not " + page + ".");
        }
        if ((long) page * size > MAX_RESULT_WINDOW) {
            throw new BadQueryException("page " + page + " is past the deepest result kb shows ("
                    + MAX_RESULT_WINDOW + "); narrow the query instead.");
        }
    }

    /** Refuses autocomplete input or a completion count outside the limits. */
    public static void checkCompletion(String typed, int limit) throws BadQueryException {
        if (typed.length() > MAX_COMPLETION_INPUT) {
            throw new BadQueryException("Autocomplete takes at most " + MAX_COMPLETION_INPUT + " characters.");
        }
        if (limit < 1 || limit > MAX_COMPLETIONS) {
            throw new BadQueryException("limit must be between 1 and " + MAX_COMPLETIONS + ", not " + limit + ".");
        }
    }

    /**
     * How many passages a ranking of {@code depth} looks at: articles are folded from passages, so a ranking of
     * articles looks deeper (an article's passages rarely all rank near the top); never past the result window.
     */
    static int rankedPassages(int depth, boolean byArticle) {
        return byArticle ? (int) Math.min((long) depth * 10, MAX_RESULT_WINDOW) : Math.min(depth, MAX_RESULT_WINDOW);
    }
}
