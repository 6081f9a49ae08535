package kb.web;

import kb.search.MarkedText;
import org.jsoup.nodes.Entities;

/** Marked text as HTML: every stretch escaped, each match in {@code <mark>}; the one place web markup meets search text. */
final class MarkedHtml {
    private MarkedHtml() {}

    static String of(MarkedText marked) {
        return marked.wrap(MarkedHtml::escape, "<mark>", "</mark>");
    }

    static String escape(String text) {
        return Entities.escape(text == null ? "" : text);
    }
}
