package kb.corpus;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reads an HTML article with jsoup: the title from {@code <title>} or the first h1, page furniture (nav, header,
 * footer, aside, scripts, forms, navigation landmarks) dropped, h1–h6 as the section path, and each p, li (without
 * its nested lists), blockquote, pre and dd as one passage. Author, date and canonical link become the meta.
 */
final class HtmlReader {
    private static final String FURNITURE = "nav, header, footer, aside, script, style, noscript, form, template, "
            + "[role=navigation], [role=contentinfo]";
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> BLOCKS = Set.of("p", "pre", "dd", "blockquote", "li", "ul", "ol", "dl", "div",
            "section", "article", "main", "table", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "details");

    private record Level(int level, String text) {}

    private HtmlReader() {}

    static Article read(String normalizedText, String slug, String sourceFile, String stem) throws SkipException {
        Document doc = Jsoup.parse(normalizedText);
        String title = TextNormalizer.oneLine(doc.title());
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : TextNormalizer.oneLine(h1.text());
        }
        if (title.isEmpty()) {
            title = stem;
        }
        ArticleMeta meta = meta(doc);
        doc.select(FURNITURE).remove();
        ArticleBuilder builder = new ArticleBuilder(slug, title, sourceFile, meta);
        new Walker(builder).children(doc.body());
        if (builder.isEmpty()) {
            throw new SkipException("no text found");
        }
        return builder.build();
    }

    private static ArticleMeta meta(Document doc) {
        List<String> authors = new ArrayList<>();
        for (Element m : doc.select("meta[name=author], meta[name=dc.creator], meta[name=citation_author]")) {
            String a = TextNormalizer.oneLine(m.attr("content"));
            if (!a.isEmpty() && !authors.contains(a)) {
                authors.add(a);
            }
        }
        String date = "";
        Element d = doc.selectFirst("meta[name=date], meta[name=dc.date], meta[name=citation_date], "
                + "meta[property=article:published_time]");
        if (d != null) {
            date = TextNormalizer.oneLine(d.attr("content"));
        }
        Element canonical = doc.selectFirst("link[rel=canonical]");
        String url = canonical == null ? "" : canonical.attr("href").strip();
        return new ArticleMeta(authors, date, url);
    }

    private static final class Walker {
        private final ArticleBuilder builder;
        private final Deque<Level> headings = new ArrayDeque<>();
        private boolean titleSkipped;

        Walker(ArticleBuilder builder) {
            this.builder = builder;
            builder.section(List.of());
        }

        void children(Element parent) {
            if (parent == null) {
                return;
            }
            // Loose text directly inside a container (e.g. <div>text<p>..</p></div>) would otherwise be lost.
            StringBuilder loose = new StringBuilder();
            for (Node n : parent.childNodes()) {
                if (n instanceof TextNode t) {
                    loose.append(t.text());
                } else if (n instanceof Element e && !BLOCKS.contains(e.normalName())) {
                    loose.append(e.normalName().equals("br") ? " " : e.text());
                } else if (n instanceof Element e) {
                    flush(loose);
                    element(e);
                }
            }
            flush(loose);
        }

        private void flush(StringBuilder loose) {
            builder.add(TextNormalizer.oneLine(loose.toString()));
            loose.setLength(0);
        }

        private void element(Element e) {
            String tag = e.normalName();
            if (HEADINGS.contains(tag)) {
                heading(Integer.parseInt(tag.substring(1)), TextNormalizer.oneLine(e.text()));
            } else if (tag.equals("dl")) {
                definitions(e);
            } else if (tag.equals("p") || tag.equals("dd")) {
                builder.add(TextNormalizer.oneLine(e.text()));
            } else if (tag.equals("pre")) {
                builder.add(TextNormalizer.normalizeKeepingIndent(e.wholeText()).replaceAll("^\\n+|\\s+$", ""));
            } else if (tag.equals("blockquote")) {
                if (e.selectFirst("p, li, pre") != null) {
                    children(e);
                } else {
                    builder.add(TextNormalizer.oneLine(e.text()));
                }
            } else if (tag.equals("li")) {
                Element own = e.clone();
                own.select("ul, ol").remove();
                builder.add(TextNormalizer.oneLine(own.text()));
                for (Element sub : e.select("ul, ol")) {
                    if (sub.parent() != null && sub.parents().stream().filter(p -> p.normalName().equals("li"))
                            .findFirst().orElse(null) == e) {
                        children(sub);
                    }
                }
            } else {
                children(e);
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
                    builder.add(term.isEmpty() || def.isEmpty() ? def : term + ": " + def);
                } else {
                    element(c);
                }
            }
        }

        private void heading(int level, String text) {
            if (!titleSkipped && level == 1 && headings.isEmpty() && text.equalsIgnoreCase(builder.title())) {
                titleSkipped = true;
                return;
            }
            while (!headings.isEmpty() && headings.peekLast().level() >= level) {
                headings.removeLast();
            }
            if (!text.isEmpty()) {
                headings.addLast(new Level(level, text));
            }
            builder.section(headings.stream().map(Level::text).toList());
        }
    }
}
