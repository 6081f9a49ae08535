package kb.search;

import java.util.List;

/**
 * A whole article in reading order, grouped into sections for display. Each section carries its full path;
 * {@code depth} is the path's length (0 for passages outside any section), so a page can choose a heading level.
 * An enclosing heading with no passages of its own (e.g. "Frequently asked questions") comes as a section with
 * no passages, just before its first subsection.
 */
public record ArticleView(String slug, String title, String sourceFile, String sourceUrl, List<Section> sections, long passageCount) {

    public record Section(List<String> path, String heading, int depth, List<PassageView> passages) {}
}
