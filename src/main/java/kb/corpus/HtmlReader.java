package kb.corpus;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a web page with jsoup: title and meta from the head ({@link PageMetadata}); furniture and hidden elements
 * dropped ({@link PageCleaner}); only the main content kept ({@link MainContent}); its blocks
 * ({@link HtmlBlocks}) as passages, h1–h6 as the section path, data tables as kind {@code table}, captions as kind
 * {@code caption}, and the entries under a reference-list heading as kind {@code reference}. Blocks that are
 * boilerplate by their wording ({@link SiteChrome#isBoilerplate}) or repeat as chrome across the site
 * ({@link SiteChrome}) are dropped.
 */
final class HtmlReader {
    private record Level(int level, String text) {}

    private HtmlReader() {}

    static Article read(String normalizedText, String slug, String sourceFile, String stem) throws SkipException {
        return read(normalizedText, slug, sourceFile, stem, SiteChrome.NONE).article();
    }

    /** The article, and how many of its blocks were dropped because they are in {@code chrome}. */
    record Read(Article article, int chromeDropped) {}

    static Read read(String normalizedText, String slug, String sourceFile, String stem, SiteChrome siteChrome)
            throws SkipException {
        Document doc = Jsoup.parse(normalizedText);
        String title = PageMetadata.title(doc);
        if (title.isEmpty()) {
            title = stem;
        }
        ArticleMeta meta = PageMetadata.meta(doc);
        ArticleBuilder builder = new ArticleBuilder(slug, title, sourceFile, meta);
        Set<String> chrome = siteChrome.forSite(SiteChrome.site(sourceFile, meta.url()));
        int dropped = build(builder, blocks(doc), chrome);
        if (builder.isEmpty()) {
            throw new SkipException("no text found");
        }
        return new Read(builder.build(), dropped);
    }

    /**
     * Adds a fragment of raw HTML (a Markdown HTML block) to {@code builder} under its current section, cleaned as a
     * web page is: furniture, hidden elements and boilerplate wording dropped; text, tables and captions kept. Its
     * headings are not sections (the Markdown around it owns the section path) and it is not searched for a main
     * block, since the fragment is already part of the article.
     */
    static void addFragment(ArticleBuilder builder, String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        PageCleaner.clean(doc.body());
        PageCleaner.dropPageHeaderAndFooter(doc.body());
        for (HtmlBlocks.Block b : HtmlBlocks.of(doc.body())) {
            if (SiteChrome.isBoilerplate(b.text())) {
                continue;
            }
            switch (b.type()) {
                case TEXT -> builder.add(b.text());
                case TABLE -> builder.add(b.text(), PassageKind.TABLE);
                case CAPTION -> builder.add(b.text(), PassageKind.CAPTION);
                case HEADING -> { }
            }
        }
    }

    /** The pre-pass's view of a page: its site and its blocks, as {@link #read} will see them. */
    static void count(String normalizedText, String sourceFile, SiteChrome.Counter counter) {
        Document doc = Jsoup.parse(normalizedText);
        counter.page(SiteChrome.site(sourceFile, PageMetadata.meta(doc).url()), blocks(doc));
    }

    /** The page's main-content blocks in reading order, boilerplate wording already left out. */
    static List<HtmlBlocks.Block> blocks(Document doc) {
        PageCleaner.clean(doc.body());
        Element main = MainContent.find(doc);
        PageCleaner.dropPageHeaderAndFooter(main);
        return HtmlBlocks.of(main).stream().filter(b -> !SiteChrome.isBoilerplate(b.text())).toList();
    }

    /** Builds sections and passages from blocks; returns how many blocks were left out as site chrome. */
    static int build(ArticleBuilder builder, List<HtmlBlocks.Block> blocks, Set<String> chrome) {
        Deque<Level> headings = new ArrayDeque<>();
        boolean titleSkipped = false;
        boolean references = false;
        int dropped = 0;
        boolean[] candidate = SiteChrome.candidates(blocks);
        builder.section(List.of());
        for (int i = 0; i < blocks.size(); i++) {
            HtmlBlocks.Block b = blocks.get(i);
            if (candidate[i] && chrome.contains(SiteChrome.key(b.text()))) {
                dropped++;
                continue;
            }
            switch (b.type()) {
                case HEADING -> {
                    if (!titleSkipped && headings.isEmpty() && b.level() <= 2 && b.text().equalsIgnoreCase(builder.title())) {
                        titleSkipped = true;
                        continue;
                    }
                    while (!headings.isEmpty() && headings.peekLast().level() >= b.level()) {
                        headings.removeLast();
                    }
                    if (!b.text().isEmpty()) {
                        headings.addLast(new Level(b.level(), b.text()));
                    }
                    references = ReferenceSections.isReferenceHeading(b.text());
                    builder.section(headings.stream().map(Level::text).toList(),
                            references ? PassageKind.REFERENCE : PassageKind.PARAGRAPH);
                }
                case TEXT -> {
                    if (references) {
                        ReferenceSections.addEntry(builder, b.text());
                    } else {
                        builder.add(b.text());
                    }
                }
                case TABLE -> builder.add(b.text(), PassageKind.TABLE);
                case CAPTION -> builder.add(b.text(), PassageKind.CAPTION);
            }
        }
        return dropped;
    }
}
