package kb.search;

import java.util.List;

/**
 * A passage as read back from the index for display. {@code html} is the passage text escaped for HTML, with the
 * query's matches in {@code <mark>} when a query was given. {@code url} is the permalink; {@code articleUrl}
 * lands on the passage inside its article; {@code page} is the page it starts on, null for formats without pages.
 */
public record PassageView(
        String id,
        String article,
        String title,
        String section,
        List<String> sectionPath,
        String kind,
        int ordinal,
        String text,
        String html,
        String url,
        String articleUrl,
        String citation,
        String sourceFile,
        Integer page) {}
