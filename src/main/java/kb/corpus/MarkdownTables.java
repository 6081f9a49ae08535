package kb.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;

/**
 * GFM tables in the {@link TableText} form, and what of them is page furniture: a row whose cells are only links or
 * empty (a navigation bar laid out as a table) says nothing and is dropped, and a table left with no such row is
 * dropped whole. A paragraph of table residue (pipes, "---" rules, "spacer" cells and links only, left by a
 * converter) is furniture too.
 */
final class MarkdownTables {
    /** Residue once links are taken out: pipes, rule dashes and colons, spacer placeholders, whitespace. */
    private static final Pattern RESIDUE = Pattern.compile("(?i)(?:[|:\\-\\s]|spacer|&nbsp;|\\u00a0)*");

    private MarkdownTables() {}

    /** The table as one passage's text, or "" when it holds nothing but links and empty cells. */
    static String text(TableBlock table) {
        List<String> header = List.of();
        List<List<String>> rows = new ArrayList<>();
        for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow) || onlyLinksOrEmpty(row)) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    cells.add(MarkdownReader.inlineText(cell));
                }
                if (part instanceof TableHead) {
                    header = cells;
                } else if (part instanceof TableBody) {
                    rows.add(cells);
                }
            }
        }
        return rows.isEmpty() ? "" : TableText.of("", header, rows);
    }

    /** Whether a paragraph is leftover table markup rather than text: "| | --- | | spacer |", "| [Home](/) |". */
    static boolean isResidue(Node paragraph) {
        StringBuilder sb = new StringBuilder();
        withoutLinks(paragraph, sb);
        String s = sb.toString();
        return s.indexOf('|') >= 0 && RESIDUE.matcher(s).matches();
    }

    private static boolean onlyLinksOrEmpty(Node row) {
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
            StringBuilder sb = new StringBuilder();
            withoutLinks(cell, sb);
            // A layout placeholder ("spacer", &nbsp;) is as empty as an empty cell.
            if (!RESIDUE.matcher(sb.toString()).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The literal text under {@code node}, leaving out links and images (their wording is navigation). */
    private static void withoutLinks(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Link || n instanceof Image) {
                continue;
            }
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof org.commonmark.node.Code c) {
                sb.append(c.getLiteral());
            } else {
                withoutLinks(n, sb);
                sb.append(' ');
            }
        }
    }
}
