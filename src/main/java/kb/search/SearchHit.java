package kb.search;

import java.util.List;

/**
 * One ranked passage. {@code text} is plain text; {@code snippet} is HTML: the passage's text escaped, with every
 * matched term (stemmed matches too) wrapped in {@code <mark>}. {@code url} lands on the passage inside its
 * article with the query highlighted. {@code page} is the page the passage starts on (PDF), null for formats
 * without pages.
 */
public record SearchHit(
        String id,
        String article,
        String title,
        String section,
        List<String> sectionPath,
        String kind,
        String text,
        String snippet,
        String url,
        String citation,
        Integer page,
        float score) {}
