package kb.corpus;

import java.util.Map;

/**
 * Every slug the index has given, so an update or rebuild gives the same ones again: {@code kept} maps each live
 * article's slug to its source file and content hash; {@code retired} holds the slugs of deleted articles with the file that had
 * them and their content hash ({@link ArticleContent}). The rule: a slug, once given, only ever names that article;
 * a file that comes back with the same content gets its retired slug back, and no other newcomer takes it.
 */
public record SlugBook(Map<String, Entry> kept, Map<String, Entry> retired) {
    public static final SlugBook EMPTY = new SlugBook(Map.of(), Map.of());

    /** Whose a slug is: the file that has (or had) it, and what its article said. */
    public record Entry(String owner, String content) {}

    public SlugBook {
        kept = Map.copyOf(kept);
        retired = Map.copyOf(retired);
    }

    /** Whether a source file is a JSON Lines file, whose records are named by their own ids. */
    static boolean isRecordFile(String owner) {
        return owner.toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl");
    }
}
