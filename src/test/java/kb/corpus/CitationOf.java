package kb.corpus;

import kb.web.Citations;

/** The citation kb shows for a passage read from a corpus file, composed as the web and CLI compose it. */
final class CitationOf {
    private CitationOf() {}

    static String passage(Article article, Passage p) {
        return Citations.of(p.id(), p.articleTitle(), p.sectionPath(), p.kind().label(), p.ordinal(), p.page(),
                article.meta().authors(), article.meta().date());
    }
}
