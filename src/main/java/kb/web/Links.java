package kb.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The site-relative link paths kb hands out (in citations, JSON and pages); the one place they are spelled. */
public final class Links {
    private Links() {}

    /** Permalink of a passage; redirects to the passage inside its article. */
    public static String passage(String passageId) {
        return "/passages/" + encodePathSegment(passageId);
    }

    /** The page listing the passages related in meaning to this one. */
    public static String passageRelated(String passageId) {
        return passage(passageId) + "/related";
    }

    public static String article(String slug) {
        return "/articles/" + encodePathSegment(slug);
    }

    /**
     * The part of a link that carries a search's query to an article page ({@code ?q=…}), or "" without one: made
     * once for the many links of a result page ({@link #articleMarkedWith}, {@link #passageInArticleWith}).
     */
    public static String queryPart(String query) {
        return query == null || query.isBlank() ? "" : "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
    }

    /**
     * The article page with the query's matches marked in every passage (the article alone without a query), the
     * query's part made by {@link #queryPart}.
     */
    public static String articleMarkedWith(String slug, String queryPart) {
        return article(slug) + queryPart;
    }

    /** The article's original file, as it is in the corpus. */
    public static String articleSource(String slug) {
        return article(slug) + "/source";
    }

    /** The passage inside its article page, with the query's matches highlighted when a query is given. */
    public static String passageInArticle(String slug, String passageId, String query) {
        return passageInArticleWith(slug, passageId, queryPart(query));
    }

    /** {@link #passageInArticle} with the query's part already made by {@link #queryPart}. */
    public static String passageInArticleWith(String slug, String passageId, String queryPart) {
        return article(slug) + queryPart + "#" + encodeFragment(passageId);
    }

    public static String encodePathSegment(String s) {
        // URLEncoder is for forms: spaces become '+', which is wrong in a path, so re-encode them as %20.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodeFragment(String s) {
        return encodePathSegment(s);
    }
}
