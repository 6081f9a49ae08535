package kb.search;

import java.util.List;

/**
 * One page of results, the same record behind the HTML page, the JSON API and the CLI. {@code suggestions} are
 * close terms from the index, offered when a query finds little or nothing.
 */
public record SearchPage(
        String query,
        long total,
        long tookMs,
        int page,
        int size,
        List<SearchHit> hits,
        Facets facets,
        List<String> suggestions) {

    public int totalPages() {
        return (int) Math.min(Integer.MAX_VALUE, (total + size - 1) / size);
    }
}
