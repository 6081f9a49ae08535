package kb.corpus;

import java.util.List;

/**
 * A hash of what an article says, without its names: URL, authors, date, DOI, journal, section paths, kinds, pages, text and references, but
 * not its slug, ids, file, citations or title. Equal for a file that was only renamed, moved or restored, which is
 * how kb tells such a file from a new one. The title is left out because a file without one is titled by its name,
 * which a rename changes; two articles that differ only in their titles are not told apart.
 */
public final class ArticleContent {
    private ArticleContent() {}

    public static String hash(Article article) {
        ContentDigest sha = new ContentDigest();
        sha.put(article.meta().url());
        sha.put(String.join("\u0000", article.meta().authors()));
        sha.put(article.meta().date());
        sha.put(article.meta().doi());
        sha.put(article.meta().journal());
        for (Passage p : article.passages()) {
            sha.putAll(p.sectionPath());
            sha.put(p.kind().label());
            sha.put(String.valueOf(p.page()));
            sha.put(p.text());
            Reference r = p.reference();
            sha.put(r == null ? "" : String.join("\u0000", List.of(r.authors(), r.year(), r.title(), r.journal())));
        }
        return sha.hex();
    }
}
