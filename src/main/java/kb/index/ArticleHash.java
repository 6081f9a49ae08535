package kb.index;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import kb.corpus.Article;
import kb.corpus.Passage;
import kb.corpus.Reference;

/**
 * The content hash of one article: SHA-256 over every value its passage documents are built from (ids, title,
 * section paths, kinds, text, citations, references, source file, URL, authors, date, DOI and journal), plus {@link #SCHEMA}. An incremental
 * update re-indexes an article exactly when this hash differs from the one stored with its passages.
 */
public final class ArticleHash {
    /**
     * Bumped whenever {@link PassageDocuments} indexes a value differently, so every article reads as changed and an
     * incremental update rewrites documents built the old way. 2: a number split from its unit ends where the
     * number does (the regex char filter used to end it one character short). 3: no facet drill-down terms. 4: the
     * first passage stores the article's {@link kb.corpus.ArticleContent} hash; passages carry their page. 5: passages
     * store the article's authors, date, DOI and journal.
     */
    static final String SCHEMA = "kb-passages-5";

    private ArticleHash() {}

    public static String of(Article article) {
        MessageDigest sha = sha256();
        put(sha, SCHEMA);
        put(sha, article.slug());
        put(sha, article.meta().url());
        putMeta(sha, article);
        for (Passage p : article.passages()) {
            put(sha, p.id());
            put(sha, p.articleSlug());
            put(sha, p.articleTitle());
            putAll(sha, p.sectionPath());
            put(sha, p.kind().label());
            put(sha, Integer.toString(p.ordinal()));
            put(sha, Integer.toString(p.position()));
            put(sha, p.text());
            put(sha, p.sourceFile());
            put(sha, p.citation());
            put(sha, String.valueOf(p.page()));
            putAll(sha, p.cites());
            Reference r = p.reference();
            if (r == null) {
                put(sha, "");
            } else {
                putAll(sha, List.of("ref", Integer.toString(r.number()), r.authors(), r.year(), r.title(), r.journal()));
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void putMeta(MessageDigest sha, Article article) {
        putAll(sha, article.meta().authors());
        put(sha, article.meta().date());
        put(sha, article.meta().doi());
        put(sha, article.meta().journal());
    }

    private static void putAll(MessageDigest sha, List<String> values) {
        put(sha, Integer.toString(values.size()));
        values.forEach(v -> put(sha, v));
    }

    /** Length-prefixed, so ("ab", "c") and ("a", "bc") never hash alike. */
    private static void put(MessageDigest sha, String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
