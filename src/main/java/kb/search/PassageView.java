package kb.search;

import java.util.List;

/**
 * A passage as read back from the index for display. {@code marked} is its text with the query's matches marked
 * when a query was given (nothing marked otherwise); {@code page} is the page it starts on, null for formats without
 * pages; {@code authors} and {@code date} are its article's, for the citation the edges compose.
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
        MarkedText marked,
        String sourceFile,
        Integer page,
        List<String> authors,
        String date) {


    /**
     * A table passage's text as rows of cells, for display: lines before the first line with a cell separator are
     * its caption (see {@link #tableCaption()}), the first row is the header. Empty for other kinds.
     */
    public List<List<String>> tableRows() {
        if (!"table".equals(kind) || text == null) {
            return List.of();
        }
        return text.lines().dropWhile(l -> !l.contains(CELLS)).map(l -> List.of(l.split(" \\| ", -1))).toList();
    }

    /** The caption lines of a table passage, joined; "" for none or another kind. */
    public String tableCaption() {
        if (!"table".equals(kind) || text == null) {
            return "";
        }
        return String.join(" ", text.lines().takeWhile(l -> !l.contains(CELLS)).toList());
    }

    private static final String CELLS = " | ";
}
