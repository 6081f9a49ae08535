package kb.corpus;

import java.util.List;

/** Optional facts about an article (from Markdown front matter, HTML meta or JSON Lines); empty when unknown. */
public record ArticleMeta(List<String> authors, String date, String url) {
    public static final ArticleMeta EMPTY = new ArticleMeta(List.of(), "", "");

    public ArticleMeta {
        authors = authors == null ? List.of() : List.copyOf(authors);
        date = date == null ? "" : date;
        url = url == null ? "" : url;
    }
}
