package kb.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * The one text form of a data table, for every format: its caption (if any) on the first line, then the header
 * cells joined with " | ", then one line per row the same way. Cells are single-line; rows whose cells are all
 * empty are left out, and a table with no non-empty cell at all gives "".
 */
final class TableText {
    static final String CELL_SEPARATOR = " | ";

    private TableText() {}

    static String of(String caption, List<String> header, List<List<String>> rows) {
        List<String> lines = new ArrayList<>();
        String c = caption == null ? "" : TextNormalizer.oneLine(caption);
        String head = row(header);
        List<String> body = new ArrayList<>();
        for (List<String> r : rows) {
            String line = row(r);
            if (!line.isEmpty()) {
                body.add(line);
            }
        }
        if (head.isEmpty() && body.isEmpty()) {
            return "";
        }
        if (!c.isEmpty()) {
            lines.add(c);
        }
        if (!head.isEmpty()) {
            lines.add(head);
        }
        lines.addAll(body);
        return String.join("\n", lines);
    }

    /** The cells of one row joined, or "" when every cell is empty (an empty row says nothing). */
    private static String row(List<String> cells) {
        if (cells == null) {
            return "";
        }
        List<String> clean = cells.stream().map(s -> s == null ? "" : TextNormalizer.oneLine(s)).toList();
        return clean.stream().allMatch(String::isEmpty) ? "" : String.join(CELL_SEPARATOR, clean);
    }
}
