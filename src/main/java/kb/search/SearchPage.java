package kb.search;

import java.util.List;

/**
 * One page of results, the same record behind the HTML page, the JSON API and the CLI. {@code query} is what the
 * person typed; when a misspelled word was corrected, {@code correctedQuery} is the query whose results these are
 * (otherwise null). {@code expansions} lists the abbreviations and synonyms that were also searched;
 * {@code didYouMean} are other close rewrites of the query, built from terms in the index. {@code mode} is how the
 * page was ranked, which is lexical when the request's mode could not apply (no vectors, or query syntax).
 * {@code byWords} is how many of the {@code total} passages match the query's words (all of them when lexical); the
 * others are among the passages nearest the query in meaning.
 * {@code articles} are the articles the search is about, best first (at most {@link SearchLimits#TOP_ARTICLES}, each
 * with a matching passage), ranked as {@link SearchEngine#rank} ranks by article; the same on every page.
 * {@code countsExact} says whether every passage the words match was counted: up to {@link SearchLimits#EXACT_COUNT}
 * they are; past that {@code byWords} and {@code total} are lower bounds ("1,000+"), and the facets and the
 * articles' passage counts are over the best {@value SearchLimits#BEST_COUNTED} by words (plus those found by meaning).
 */
public record SearchPage(
        String query,
        long total,
        long tookMs,
        int page,
        int size,
        List<SearchHit> hits,
        Facets facets,
        List<String> didYouMean,
        String correctedQuery,
        List<Expansion> expansions,
        SearchMode mode,
        long byWords,
        List<ArticleHit> articles,
        boolean countsExact) {
    public SearchPage {
        articles = articles == null ? List.of() : List.copyOf(articles);
    }

    /** A page whose counts are exact. */
    public SearchPage(String query, long total, long tookMs, int page, int size, List<SearchHit> hits, Facets facets,
            List<String> didYouMean, String correctedQuery, List<Expansion> expansions, SearchMode mode, long byWords,
            List<ArticleHit> articles) {
        this(query, total, tookMs, page, size, hits, facets, didYouMean, correctedQuery, expansions, mode, byWords,
                articles, true);
    }

    /** A page without an articles block. */
    public SearchPage(String query, long total, long tookMs, int page, int size, List<SearchHit> hits, Facets facets,
            List<String> didYouMean, String correctedQuery, List<Expansion> expansions, SearchMode mode, long byWords) {
        this(query, total, tookMs, page, size, hits, facets, didYouMean, correctedQuery, expansions, mode, byWords,
                List.of());
    }

    /** A page without an articles block whose passages all match the words. */
    public SearchPage(String query, long total, long tookMs, int page, int size, List<SearchHit> hits, Facets facets,
            List<String> didYouMean, String correctedQuery, List<Expansion> expansions, SearchMode mode) {
        this(query, total, tookMs, page, size, hits, facets, didYouMean, correctedQuery, expansions, mode, total);
    }

    public int totalPages() {
        return (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }
}
