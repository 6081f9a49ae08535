package kb.search;

import java.util.List;

/**
 * A whole article in reading order, grouped into sections for display. Each section carries its full path;
 * {@code depth} is the path's length (0 for passages outside any section), so a page can choose a heading level.
 * An enclosing heading with no passages of its own (e.g. "Frequently asked questions") comes as a section with
 * no passages, just before its first subsection. {@code authors}, {@code date}, {@code doi} and {@code journal} are
 * the article's own metadata, empty when the source does not give them.
 */
public record ArticleView(String slug, String title, String sourceFile, String sourceUrl, List<Section> sections,
        long passageCount, List<String> authors, String date, String doi, String journal) {

    public ArticleView {
        authors = authors == null ? List.of() : List.copyOf(authors);
        date = date == null ? "" : date;
        doi = doi == null ? "" : doi;
        journal = journal == null ? "" : journal;
    }

    /** The authors joined for display ("A, B and C"), or "". */
    public String authorLine() {
        if (authors.size() <= 1) {
            return authors.isEmpty() ? "" : authors.get(0);
        }
        return String.join(", ", authors.subList(0, authors.size() - 1)) + " and " + authors.get(authors.size() - 1);
    }

    public record Section(List<String> path, String heading, int depth, List<PassageView> passages) {}

    /** The date as a person reads it: an ISO timestamp ("2015-12-11T14:28:34.438Z") shows its day only. */
    public String dateShown() {
        return date.matches("\\d{4}-\\d{2}-\\d{2}T.*") ? date.substring(0, 10) : date;
    }
}
