package kb.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kb.search.FacetCount;
import kb.search.SearchLimits;
import kb.search.SearchMode;
import kb.search.SearchPage;

/**
 * What the results template shows beyond the {@link SearchPage} itself: every link pre-built, so templates hold
 * no URL logic. The articles the search is about link to their pages with the query's matches marked. Filter links
 * toggle (following an active filter removes it); pagination never offers a page beyond the result window the
 * service accepts. Every link keeps the mode asked for ({@code mode}), which may
 * differ from the one the page was ranked by ({@code page.mode}); {@code wordsOnly} says a search by meaning alone
 * was asked for but could not be run.
 */
record SearchView(
        SearchPage page,
        List<ShownHit> hits,
        List<ArticleLink> articles,
        String article,
        String section,
        SearchMode mode,
        boolean wordsOnly,
        List<FilterLink> articleFilters,
        List<FilterLink> sectionFilters,
        List<ActiveFilter> activeFilters,
        String clearFiltersUrl,
        List<PageLink> pages,
        String prevUrl,
        String nextUrl,
        List<Suggestion> suggestions,
        Correction correction,
        long firstShown,
        long lastShown) {

    private static final int PAGE_RADIUS = 2;

    record FilterLink(String label, long count, String url, boolean active) {}

    /** One of the articles the search is about: its title, its page with the matches marked, its matching passages. */
    record ArticleLink(String title, String url, long passages) {}

    record ActiveFilter(String kind, String label, String removeUrl) {}

    /** A pagination entry; {@code url} is null for the current page and for a gap ("…"). */
    record PageLink(String label, String url, boolean current, boolean gap) {}

    record Suggestion(String text, String url) {}

    /** "Showing results for {corrected} — search instead for {original}", with both links. */
    record Correction(String corrected, String correctedUrl, String original, String originalUrl) {}

    static SearchView of(SearchPage page, String article, String section, SearchMode mode) {
        // After a spelling correction, further pages and filters continue with the corrected query.
        String q = page.correctedQuery() != null ? page.correctedQuery() : page.query();
        Correction correction = page.correctedQuery() == null ? null : new Correction(page.correctedQuery(),
                SearchLinks.search(page.correctedQuery(), article, section, mode, 1), page.query(),
                SearchLinks.exact(page.query(), article, section, mode));
        List<FilterLink> articles = new ArrayList<>();
        for (FacetCount f : page.facets().articles()) {
            boolean active = f.value().equals(article);
            articles.add(new FilterLink(f.label(), f.count(),
                    SearchLinks.search(q, active ? null : f.value(), section, mode, 1), active));
        }
        List<FilterLink> sections = new ArrayList<>();
        for (FacetCount f : page.facets().sections()) {
            boolean active = f.value().equals(section);
            sections.add(new FilterLink(SectionPaths.facetLabel(f), f.count(),
                    SearchLinks.search(q, article, active ? null : f.value(), mode, 1), active));
        }
        List<ActiveFilter> active = new ArrayList<>();
        if (article != null) {
            String label = page.facets().articles().stream()
                    .filter(f -> f.value().equals(article)).map(FacetCount::label).findFirst().orElse(article);
            active.add(new ActiveFilter("Article", label, SearchLinks.search(q, null, section, mode, 1)));
        }
        if (section != null) {
            active.add(new ActiveFilter("Section", section, SearchLinks.search(q, article, null, mode, 1)));
        }
        int lastPage = lastPage(page);
        int current = page.page();
        List<PageLink> pages = new ArrayList<>();
        if (lastPage > 1) {
            int from = Math.max(1, current - PAGE_RADIUS);
            int to = Math.min(lastPage, current + PAGE_RADIUS);
            if (from > 1) {
                pages.add(link(q, article, section, mode, 1, current));
                if (from > 2) {
                    pages.add(new PageLink("…", null, false, true));
                }
            }
            for (int n = from; n <= to; n++) {
                pages.add(link(q, article, section, mode, n, current));
            }
            if (to < lastPage) {
                if (to < lastPage - 1) {
                    pages.add(new PageLink("…", null, false, true));
                }
                pages.add(link(q, article, section, mode, lastPage, current));
            }
        }
        String prev = current > 1 && current <= lastPage + 1 ? SearchLinks.search(q, article, section, mode, current - 1) : null;
        // Past an inexact total (more matches than were counted) a full page may have a next one the total does not show.
        boolean more = current < lastPage || !page.countsExact() && page.hits().size() == page.size()
                && current < windowPages(page);
        String next = more ? SearchLinks.search(q, article, section, mode, current + 1) : null;
        List<Suggestion> suggestions = page.didYouMean() == null ? List.of() : page.didYouMean().stream()
                .map(s -> new Suggestion(s, SearchLinks.search(s, article, section, mode, 1))).toList();
        long first = page.hits().isEmpty() ? 0 : (long) (current - 1) * page.size() + 1;
        long last = page.hits().isEmpty() ? 0 : first + page.hits().size() - 1;
        String clear = active.isEmpty() ? null : SearchLinks.search(q, null, null, mode, 1);
        String queryPart = Links.queryPart(q);
        List<ShownHit> hits = page.hits().stream().map(h -> ShownHit.of(h, queryPart)).toList();
        List<ArticleLink> about = page.articles().stream()
                .map(a -> new ArticleLink(a.title(), Links.articleMarkedWith(a.slug(), queryPart), a.passages()))
                .toList();
        boolean wordsOnly = mode == SearchMode.SEMANTIC && page.mode() != SearchMode.SEMANTIC;
        return new SearchView(page, hits, about, article, section, mode, wordsOnly, articles, sections, active, clear,
                pages, prev, next, suggestions, correction, first, last);
    }

    private static int lastPage(SearchPage page) {
        return Math.min(page.totalPages(), windowPages(page));
    }

    private static int windowPages(SearchPage page) {
        return Math.max(1, SearchLimits.MAX_RESULT_WINDOW / Math.max(1, page.size()));
    }

    private static PageLink link(String q, String article, String section, SearchMode mode, int n, int current) {
        return n == current
                ? new PageLink(Integer.toString(n), null, true, false)
                : new PageLink(Integer.toString(n), SearchLinks.search(q, article, section, mode, n), false, false);
    }

    public String firstPageUrl() {
        return SearchLinks.search(page.correctedQuery() != null ? page.correctedQuery() : page.query(), article, section,
                mode, 1);
    }

    /** "1 passage matches", "12 passages match", or past the exact count "1,000+ passages match". */
    public String matchCount() {
        long n = page.byWords();
        String count = String.format(Locale.ROOT, "%,d", n) + (page.countsExact() ? "" : "+");
        return n == 1 && page.countsExact() ? "1 passage matches" : count + " passages match";
    }

    /**
     * Said when not every word match was counted: what the facets and the articles' counts are over; null otherwise,
     * and by meaning alone, whose facets count every passage it found.
     */
    public String countsNote() {
        return page.countsExact() || page.mode() == SearchMode.SEMANTIC ? null : String.format(Locale.ROOT,
                "More than %,d passages match: the filters' and the articles' counts are over the best %,d.",
                SearchLimits.EXACT_COUNT, SearchLimits.BEST_COUNTED);
    }

    public boolean hasFilters() {
        return !articleFilters.isEmpty() || !sectionFilters.isEmpty() || !activeFilters.isEmpty();
    }
}
