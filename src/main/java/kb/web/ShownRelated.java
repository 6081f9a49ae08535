package kb.web;

import java.util.List;
import kb.search.RelatedPassages;

/**
 * A passage's related passages as a page lists them: from other articles and from its own, each item a link to
 * the passage inside its article, with its article title, section and the opening of its text. Rule: everything is
 * plain text for {@code th:text}; nothing here is markup.
 */
record ShownRelated(List<Item> otherArticles, List<Item> sameArticle) {

    /** {@code section} is the section path as people read it, "" outside any section. */
    record Item(String title, String section, String kind, Integer page, String excerpt, String url) {

        static Item of(RelatedPassages.Item i, int excerptLength) {
            return new Item(i.title(), SectionPaths.shown(i.sectionPath()), i.kind(), i.page(),
                    Excerpts.lead(i.text(), excerptLength), Links.passageInArticle(i.article(), i.id(), null));
        }
    }

    static ShownRelated of(RelatedPassages related, int excerptLength) {
        return new ShownRelated(related.otherArticles().stream().map(i -> Item.of(i, excerptLength)).toList(),
                related.sameArticle().stream().map(i -> Item.of(i, excerptLength)).toList());
    }

    public boolean isEmpty() {
        return otherArticles.isEmpty() && sameArticle.isEmpty();
    }
}
