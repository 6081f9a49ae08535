package kb.search;

import java.util.List;

/**
 * The passages closest in meaning to one passage, kept apart: from other articles (the "see also") and from its
 * own article; each list best first. Both are empty when the index has no vectors.
 */
public record RelatedPassages(List<Item> otherArticles, List<Item> sameArticle) {
    public static final RelatedPassages NONE = new RelatedPassages(List.of(), List.of());

    public RelatedPassages {
        otherArticles = List.copyOf(otherArticles);
        sameArticle = List.copyOf(sameArticle);
    }

    /** One related passage: what a link and a line of context need; {@code similarity} is the cosine, -1 to 1. */
    public record Item(String id, String article, String title, List<String> sectionPath, String kind, int ordinal,
            Integer page, String text, float similarity) {}
}
