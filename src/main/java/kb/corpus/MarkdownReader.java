package kb.corpus;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;

/**
 * Reads a Markdown article with commonmark-java: optional YAML front matter ({@link MarkdownFrontMatter}: title,
 * authors/author, date, url/source), headings of any level as a section path, and every paragraph, list item,
 * quoted paragraph and code block as one passage; a GFM table is one {@code table} passage ({@link MarkdownTables}), and entries under a
 * reference-list heading are parsed references. The title is the front matter's, else the first H1, else the first
 * heading, else a first line that reads as one ({@link TitleGuess}), else the file name. An H1 equal to the title,
 * or the first line taken as the title, is not also a section or a passage.
 */
final class MarkdownReader {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownReader() {}

    static Article read(String normalizedText, String slug, String sourceFile, String stem) throws SkipException {
        MarkdownFrontMatter front = MarkdownFrontMatter.split(normalizedText);
        Node document = PARSER.parse(front.body());
        Paragraph titleLine = titleLine(document);
        String title = TitleGuess.first(front.title(), firstHeading(document, true), firstHeading(document, false),
                titleLine == null ? "" : inlineText(titleLine), stem);
        ArticleBuilder builder = new ArticleBuilder(slug, title, sourceFile, front.meta());
        Walker walker = new Walker(builder);
        if (titleLine != null && title.equals(inlineText(titleLine))) {
            walker.skip = titleLine;
        }
        walker.blocks(document);
        if (builder.isEmpty()) {
            throw new SkipException("no text found");
        }
        return builder.build();
    }

    /** The text of the first top-level heading (only an H1 with {@code h1Only}), or "". */
    private static String firstHeading(Node document, boolean h1Only) {
        for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && (!h1Only || h.getLevel() == 1)) {
                String text = inlineText(h);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** The document's first block when it is a one-line paragraph that reads as a title, else null. */
    private static Paragraph titleLine(Node document) {
        Node first = document.getFirstChild();
        if (!(first instanceof Paragraph p) || p.getFirstChild() == null) {
            return null;
        }
        for (Node n = p.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                return null;
            }
        }
        return TitleGuess.ofLine(inlineText(p)).isEmpty() ? null : p;
    }

    /** Plain text of inline content: links keep their text, line breaks become spaces, markup is dropped. */
    static String inlineText(Node node) {
        StringBuilder sb = new StringBuilder();
        appendInline(node, sb);
        return TextNormalizer.oneLine(sb.toString());
    }

    private static void appendInline(Node node, StringBuilder sb) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                sb.append(t.getLiteral());
            } else if (n instanceof Code c) {
                sb.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                sb.append(' ');
            } else if (n instanceof HtmlInline) {
                // Inline tags such as <br> or <b> carry no wording of their own.
                sb.append(n instanceof HtmlInline h && h.getLiteral().matches("(?i)<br\\s*/?>") ? " " : "");
            } else {
                appendInline(n, sb);
                if (n instanceof org.commonmark.node.Block) {
                    sb.append(' ');
                }
            }
        }
    }

    /** Code keeps its line breaks and indentation; only the surrounding blank lines go. */
    private static String code(String literal) {
        return TextNormalizer.normalizeKeepingIndent(literal).replaceAll("^\\n+|\\s+$", "");
    }

    private static final class Walker {
        private final ArticleBuilder builder;
        private final SectionPath headings = new SectionPath();
        private boolean titleSkipped;
        /** The paragraph taken as the title, if any: it is not a passage as well. */
        Node skip;

        Walker(ArticleBuilder builder) {
            this.builder = builder;
            builder.section(List.of());
        }

        void blocks(Node parent) {
            for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
                block(n);
            }
        }

        private void block(Node n) {
            if (n instanceof Heading h) {
                heading(h);
            } else if (n instanceof Paragraph p) {
                if (n != skip && !MarkdownTables.isResidue(p)) {
                    entry(inlineText(p));
                }
            } else if (n instanceof TableBlock table) {
                builder.add(MarkdownTables.text(table), PassageKind.TABLE);
            } else if (n instanceof ListBlock list) {
                list(list);
            } else if (n instanceof BlockQuote q) {
                blocks(q);
            } else if (n instanceof FencedCodeBlock code) {
                builder.add(code(code.getLiteral()));
            } else if (n instanceof IndentedCodeBlock code) {
                builder.add(code(code.getLiteral()));
            } else if (n instanceof HtmlBlock html) {
                HtmlReader.addFragment(builder, html.getLiteral());
            } else if (n.getFirstChild() != null) {
                blocks(n);
            }
        }

        private void heading(Heading h) {
            String text = inlineText(h);
            if (!titleSkipped && h.getLevel() == 1 && headings.isEmpty() && text.equalsIgnoreCase(builder.title())) {
                titleSkipped = true;
                return;
            }
            headings.enter(h.getLevel(), text);
            builder.section(headings.headings(), headings.isReferences() ? PassageKind.REFERENCE : PassageKind.PARAGRAPH);
        }

        /** A paragraph or list item: a parsed entry inside a reference list, else a plain passage. */
        private void entry(String text) {
            if (SiteChrome.isBoilerplate(text.strip())) {
                return; // "Top", "Print", "Share": page furniture left in an export, never an answer
            }
            if (headings.isReferences() && !text.isBlank()) {
                ReferenceSections.addEntry(builder, text);
            } else {
                builder.add(text);
            }
        }

        /** Each item is one passage (its own text, without sub-lists); nested items follow as their own passages. */
        private void list(ListBlock list) {
            for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    block(item);
                    continue;
                }
                List<String> own = new ArrayList<>();
                List<Node> nested = new ArrayList<>();
                for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
                    if (c instanceof ListBlock || c instanceof Heading) {
                        nested.add(c);
                    } else if (c instanceof Paragraph p) {
                        own.add(inlineText(p));
                    } else if (c instanceof FencedCodeBlock || c instanceof IndentedCodeBlock) {
                        String lit = c instanceof FencedCodeBlock f ? f.getLiteral() : ((IndentedCodeBlock) c).getLiteral();
                        own.add(TextNormalizer.oneLine(lit));
                    } else {
                        own.add(inlineText(c));
                    }
                }
                entry(String.join(" ", own).strip());
                nested.forEach(this::block);
            }
        }
    }
}
