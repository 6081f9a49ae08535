package kb.index;

import java.util.List;
import kb.corpus.Article;
import kb.corpus.ContentDigest;
import kb.corpus.Passage;
import kb.corpus.Reference;

/**
 * The content hash of one article: SHA-256 over every value its passage documents are built from (ids, title,
 * section paths, kinds, ordinals, pages, text, references, source file, URL, authors, date, DOI and journal), plus {@link #SCHEMA}. An incremental
 * update re-indexes an article exactly when this hash differs from the one stored with its passages.
 */
public final class ArticleHash {
    /**
     * Bumped whenever {@link PassageDocuments} indexes a value differently, so every article reads as changed and an
     * incremental update rewrites documents built the old way. 2: a number split from its unit ends where the
     * number does (the regex char filter used to end it one character short). 3: no facet drill-down terms. 4: the
     * first passage stores the article's {@link kb.corpus.ArticleContent} hash; passages carry their page. 5: passages
     * store the article's authors, date, DOI and journal. 6: no stored citation (the edges compose it from the parts).
     * 7: the first passage indexes the article's whole text ({@link Fields#ARTICLE_TEXT}). 8: every passage indexes
     * the field of the ranking's first pass ({@link Fields#RANK_TEXT}).
     */
    static final String SCHEMA = "kb-passages-8";

    private ArticleHash() {}

    public static String of(Article article) {
        ContentDigest sha = new ContentDigest();
        sha.put(SCHEMA);
        sha.put(article.slug());
        sha.put(article.meta().url());
        putMeta(sha, article);
        for (Passage p : article.passages()) {
            sha.put(p.id());
            sha.put(p.articleSlug());
            sha.put(p.articleTitle());
            sha.putAll(p.sectionPath());
            sha.put(p.kind().label());
            sha.put(Integer.toString(p.ordinal()));
            sha.put(Integer.toString(p.position()));
            sha.put(p.text());
            sha.put(p.sourceFile());
            sha.put(String.valueOf(p.page()));
            sha.putAll(p.cites());
            Reference r = p.reference();
            if (r == null) {
                sha.put("");
            } else {
                sha.putAll(List.of("ref", Integer.toString(r.number()), r.authors(), r.year(), r.title(), r.journal()));
            }
        }
        return sha.hex();
    }

    private static void putMeta(ContentDigest sha, Article article) {
        sha.putAll(article.meta().authors());
        sha.put(article.meta().date());
        sha.put(article.meta().doi());
        sha.put(article.meta().journal());
    }



}
