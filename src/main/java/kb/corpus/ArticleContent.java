package kb.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A hash of what an article says, without its names: URL, authors, date, DOI, journal, section paths, kinds, pages, text and references, but
 * not its slug, ids, file, citations or title. Equal for a file that was only renamed, moved or restored, which is
 * how kb tells such a file from a new one. The title is left out because a file without one is titled by its name,
 * which a rename changes; two articles that differ only in their titles are not told apart.
 */
public final class ArticleContent {
    private ArticleContent() {}

    public static String hash(Article article) {
        MessageDigest sha = sha256();
        put(sha, article.meta().url());
        put(sha, String.join("\u0000", article.meta().authors()));
        put(sha, article.meta().date());
        put(sha, article.meta().doi());
        put(sha, article.meta().journal());
        for (Passage p : article.passages()) {
            put(sha, Integer.toString(p.sectionPath().size()));
            p.sectionPath().forEach(h -> put(sha, h));
            put(sha, p.kind().label());
            put(sha, String.valueOf(p.page()));
            put(sha, p.text());
            Reference r = p.reference();
            put(sha, r == null ? "" : String.join("\u0000", List.of(r.authors(), r.year(), r.title(), r.journal())));
        }
        return HexFormat.of().formatHex(sha.digest()).toLowerCase(Locale.ROOT);
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
