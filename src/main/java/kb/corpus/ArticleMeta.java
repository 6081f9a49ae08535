package kb.corpus;

import java.util.List;

/**
 * Optional facts about an article (from Markdown front matter, HTML meta or JSON Lines); empty when unknown.
 * {@code doi} is the bare DOI ("10.1000/xyz"), {@code journal} the journal or site it appeared in.
 */
public record ArticleMeta(List<String> authors, String date, String url, String doi, String journal) {
    public static final ArticleMeta EMPTY = new ArticleMeta(List.of(), "", "");

    public ArticleMeta {
        authors = authors == null ? List.of() : List.copyOf(authors);
        date = date == null ? "" : date;
        url = url == null ? "" : url;
        doi = doi == null ? "" : doi;
        journal = journal == null ? "" : journal;
    }

    /** Meta without a DOI or journal, as most formats have. */
    public ArticleMeta(List<String> authors, String date, String url) {
        this(authors, date, url, "", "");
    }
}
