package kb.corpus;

import java.util.List;

/**
 * One article read from the corpus, already split into passages in reading order. {@code slug} names the
 * article in URLs and ids: the file name without extension for files, the source id as given for JSON Lines.
 */
public record Article(String slug, String title, String sourceFile, ArticleMeta meta, List<Passage> passages) {
    public Article {
        meta = meta == null ? ArticleMeta.EMPTY : meta;
        passages = List.copyOf(passages);
    }
}
