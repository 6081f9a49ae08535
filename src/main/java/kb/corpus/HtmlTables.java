package kb.corpus;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Tells data tables from layout tables and writes a data table as one passage's text: its caption on the first line,
 * then one line per row, cells joined with " | " (the header row first). A table is laid out, not data, when it is
 * marked {@code role="presentation"}, holds another table, has a single row or column, has cells that hold several
 * blocks of prose, or has mostly cells without text (images, spacers); its content is then read as if it were not a
 * table.
 */
final class HtmlTables {
    static final String CELL_SEPARATOR = " | ";

    private HtmlTables() {}

    static boolean isData(Element table) {
        if (table.attr("role").equalsIgnoreCase("presentation") || table.selectFirst("table table, tr table") != null
                || table.select("table").size() > 1) {
            return false;
        }
        List<List<Element>> rows = rows(table);
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        if (rows.size() < 2 || columns < 2) {
            return false;
        }
        int cells = 0;
        int empty = 0;
        for (List<Element> row : rows) {
            for (Element cell : row) {
                cells++;
                if (cell.text().isBlank()) {
                    empty++;
                }
                if (cell.select("p, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, dl").size() > 2) {
                    return false;
                }
            }
        }
        return empty * 2 < cells;
    }

    /** The table as text: caption line (when there is one), then a line per row with cells joined by " | ". */
    static String text(Element table) {
        List<String> lines = new ArrayList<>();
        String caption = caption(table);
        if (!caption.isEmpty()) {
            lines.add(caption);
        }
        for (List<Element> row : rows(table)) {
            List<String> cells = row.stream().map(c -> TextNormalizer.oneLine(c.text())).toList();
            if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                lines.add(String.join(CELL_SEPARATOR, cells));
            }
        }
        return String.join("\n", lines);
    }

    static String caption(Element table) {
        Element caption = table.selectFirst("caption");
        return caption == null ? "" : TextNormalizer.oneLine(caption.text());
    }

    /** Rows in document order, header rows ({@code thead}) first, each row's th and td cells. */
    private static List<List<Element>> rows(Element table) {
        List<Element> trs = new ArrayList<>(table.select("thead > tr"));
        for (Element tr : table.select("tr")) {
            if (!trs.contains(tr)) {
                trs.add(tr);
            }
        }
        List<List<Element>> rows = new ArrayList<>();
        for (Element tr : trs) {
            List<Element> cells = new ArrayList<>();
            for (Element c : tr.children()) {
                if (c.normalName().equals("td") || c.normalName().equals("th")) {
                    cells.add(c);
                }
            }
            if (!cells.isEmpty()) {
                rows.add(cells);
            }
        }
        return rows;
    }
}
