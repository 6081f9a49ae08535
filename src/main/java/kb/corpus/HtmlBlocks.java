package kb.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Cuts cleaned HTML into blocks in reading order: h1–h6 headings; each p, li (without its nested lists), blockquote,
 * pre and dd as text; data tables whole ({@link HtmlTables}); figure and table captions. Layout tables, divs and
 * sections are unwrapped. A paragraph that is only a short bold phrase without a full stop ("Results",
 * "<b>Methods</b>") is a heading one level below the headings around it, as sites that style headings by hand mean it.
 */
final class HtmlBlocks {
    enum Type { HEADING, TEXT, TABLE, CAPTION }

    /** One block; {@code level} is 1–6 for headings (7 for a bold pseudo-heading), {@code links} its link density. */
    record Block(Type type, int level, String text, double links) {}

    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> BLOCKS = Set.of("p", "pre", "dd", "blockquote", "li", "ul", "ol", "dl", "div",
            "section", "article", "main", "header", "footer", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
            "caption", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "details", "summary", "center",
            "address", "hr", "hgroup");

    private final List<Block> blocks = new ArrayList<>();

    private HtmlBlocks() {}

    static List<Block> of(Element root) {
        HtmlBlocks b = new HtmlBlocks();
        b.element(root);
        return b.blocks;
    }

    private void children(Element parent) {
        // Loose text directly inside a container (e.g. <div>text<p>..</p></div>) would otherwise be lost.
        StringBuilder loose = new StringBuilder();
        int[] linkChars = {0};
        for (Node n : parent.childNodes()) {
            if (n instanceof TextNode t) {
                loose.append(t.text());
            } else if (n instanceof Element e && !BLOCKS.contains(e.normalName())) {
                if (e.normalName().equals("br")) {
                    loose.append(' ');
                } else {
                    loose.append(e.text());
                    linkChars[0] += e.normalName().equals("a") ? e.text().length() : linkText(e);
                }
            } else if (n instanceof Element e) {
                flush(loose, linkChars);
                element(e);
            }
        }
        flush(loose, linkChars);
    }

    private void flush(StringBuilder loose, int[] linkChars) {
        String text = TextNormalizer.oneLine(loose.toString());
        if (!text.isEmpty()) {
            blocks.add(new Block(Type.TEXT, 0, text, Math.min(1.0, (double) linkChars[0] / text.length())));
        }
        loose.setLength(0);
        linkChars[0] = 0;
    }

    private void element(Element e) {
        String tag = e.normalName();
        if (HEADINGS.contains(tag)) {
            blocks.add(new Block(Type.HEADING, tag.charAt(1) - '0', TextNormalizer.oneLine(e.text()), 0));
        } else if (tag.equals("dl")) {
            definitions(e);
        } else if (tag.equals("p")) {
            paragraph(e);
        } else if (tag.equals("dd")) {
            text(e, TextNormalizer.oneLine(e.text()));
        } else if (tag.equals("pre")) {
            text(e, TextNormalizer.normalizeKeepingIndent(e.wholeText()).replaceAll("^\\n+|\\s+$", ""));
        } else if (tag.equals("blockquote")) {
            if (e.selectFirst("p, li, pre, div, table") != null) {
                children(e);
            } else {
                text(e, TextNormalizer.oneLine(e.text()));
            }
        } else if (tag.equals("li")) {
            item(e);
        } else if (tag.equals("table") && HtmlTables.isData(e)) {
            blocks.add(new Block(Type.TABLE, 0, HtmlTables.text(e), 0));
        } else if (tag.equals("caption") || tag.equals("figcaption")) {
            String caption = TextNormalizer.oneLine(e.text());
            if (!caption.isEmpty()) {
                blocks.add(new Block(Type.CAPTION, 0, caption, 0));
            }
        } else {
            children(e);
        }
    }

    private void paragraph(Element p) {
        String text = TextNormalizer.oneLine(p.text());
        if (isPseudoHeading(p, text)) {
            blocks.add(new Block(Type.HEADING, 7, text.replaceAll(":$", ""), 0));
        } else if (p.selectFirst("table, ul, ol, div, blockquote, pre") != null) {
            children(p); // a browser would have closed the paragraph before these blocks
        } else {
            text(p, text);
        }
    }

    /** "<p><strong>Results</strong></p>": all the text bold, at most six words, no sentence end. */
    private static boolean isPseudoHeading(Element p, String text) {
        if (text.isEmpty() || text.length() > 60 || text.split("\\s+").length > 6 || text.matches(".*[.!?,;]$")) {
            return false;
        }
        Element only = p.children().size() == 1 ? p.child(0) : null;
        if (only == null || !(only.normalName().equals("strong") || only.normalName().equals("b"))) {
            return false;
        }
        return TextNormalizer.oneLine(only.text()).equals(text) && only.selectFirst("a") == null;
    }

    private void item(Element li) {
        Element own = li.clone();
        own.select("ul, ol, table").remove();
        text(li, TextNormalizer.oneLine(own.text()));
        for (Element sub : li.select("ul, ol, table")) {
            Element owner = sub.parents().stream().filter(p -> p.normalName().equals("li")).findFirst().orElse(null);
            boolean inNestedBlock = sub.parents().stream().takeWhile(p -> p != li)
                    .anyMatch(p -> p.normalName().equals("ul") || p.normalName().equals("ol") || p.normalName().equals("table"));
            if (owner == li && !inNestedBlock) {
                element(sub);
            }
        }
    }

    /** A definition's term is put in front of it ("Term: definition"), as the term alone is not a passage. */
    private void definitions(Element dl) {
        String term = "";
        for (Element c : dl.children()) {
            if (c.normalName().equals("dt")) {
                term = TextNormalizer.oneLine(c.text());
            } else if (c.normalName().equals("dd")) {
                String def = TextNormalizer.oneLine(c.text());
                text(c, term.isEmpty() || def.isEmpty() ? def : term + ": " + def);
            } else {
                element(c);
            }
        }
    }

    private void text(Element e, String text) {
        if (!text.isBlank()) {
            blocks.add(new Block(Type.TEXT, 0, text, PageCleaner.linkDensity(e, text.length())));
        }
    }

    private static int linkText(Element e) {
        int n = 0;
        for (Element a : e.select("a")) {
            n += a.text().length();
        }
        return n;
    }
}
