package kb.search;

/**
 * One article a search is about, ranked at article level (its whole text and its best passage, see
 * {@link SearchEngine#search}): {@code slug} and {@code title} name it, {@code passages} counts its passages that
 * match the query (as the article facet does). No links: the edges compose them.
 */
public record ArticleHit(String slug, String title, float score, long passages) {}
