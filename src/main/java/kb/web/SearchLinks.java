package kb.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import kb.search.SearchMode;

/**
 * Builds {@code /search} links that keep the current query, filters and search mode. Empty values are left out so
 * links stay short and a cleared filter really disappears from the URL; page 1 and the default mode (hybrid) are
 * implied.
 */
final class SearchLinks {
    private SearchLinks() {}

    static String search(String query, String article, String section, int page) {
        return search(query, article, section, null, page);
    }

    /** As {@link #search(String, String, String, int)}, keeping {@code mode} unless it is the default (or null). */
    static String search(String query, String article, String section, SearchMode mode, int page) {
        StringBuilder url = new StringBuilder("/search");
        char sep = '?';
        sep = append(url, sep, "q", query);
        sep = append(url, sep, "article", article);
        sep = append(url, sep, "section", section);
        if (mode != null && mode != SearchMode.HYBRID) {
            sep = append(url, sep, "mode", mode.label());
        }
        if (page > 1) {
            append(url, sep, "page", Integer.toString(page));
        }
        return url.toString();
    }

    /** The search for {@code query} exactly as typed, with spelling correction off. */
    static String exact(String query, String article, String section, SearchMode mode) {
        String url = search(query, article, section, mode, 1);
        return url + (url.indexOf('?') >= 0 ? '&' : '?') + "correct=0";
    }

    private static char append(StringBuilder url, char sep, String name, String value) {
        if (value == null || value.isBlank()) {
            return sep;
        }
        url.append(sep).append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        return '&';
    }
}
