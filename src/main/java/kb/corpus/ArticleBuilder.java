package kb.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles an {@link Article} from passages in reading order, the one place ids, ordinals and positions are
 * made, so every format follows the same rules. A passage id is
 * {@code articleSlug.sectionSlug.ordinal}; a section's slug depends only on its own heading (and on earlier
 * sections with the same slug), so editing one section never changes the ids of another.
 */
public final class ArticleBuilder {
    public static final String FAQ_SECTION = "Frequently asked questions";
    public static final String REFERENCES_SECTION = "References";

    private final String slug;
    private final String title;
    private final String sourceFile;
    private final ArticleMeta meta;
    private final List<Passage> passages = new ArrayList<>();
    private final Slugs.Registry sectionSlugs = new Slugs.Registry();

    private List<String> sectionPath = List.of();
    private PassageKind sectionKind = PassageKind.PARAGRAPH;
    private String sectionSlug;
    private int ordinal;
    private Integer page;

    public ArticleBuilder(String slug, String title, String sourceFile, ArticleMeta meta) {
        this.slug = slug;
        this.title = title == null || title.isBlank() ? slug : title.strip();
        this.sourceFile = sourceFile;
        this.meta = meta;
    }

    public String title() {
        return title;
    }

    /**
     * Starts a new section; the passages added next belong to it. Its slug is allocated lazily, on its first
     * passage, so an empty section (a heading directly followed by a sub-heading) uses up no slug.
     */
    public ArticleBuilder section(List<String> path, PassageKind kind) {
        sectionPath = List.copyOf(path);
        sectionKind = kind;
        sectionSlug = null;
        ordinal = 0;
        return this;
    }

    public ArticleBuilder section(List<String> path) {
        return section(path, PassageKind.PARAGRAPH);
    }

    /** The page (from 1) the passages added next start on, for formats with pages; null for none. */
    public ArticleBuilder page(Integer page) {
        if (page != null && page < 1) {
            throw new IllegalArgumentException("pages count from 1, not " + page);
        }
        this.page = page;
        return this;
    }

    /**
     * Adds one passage of {@code kind} to the current section, whatever the section's own kind: a table or a caption
     * among a section's paragraphs. It counts within the section like any other passage.
     */
    public ArticleBuilder add(String text, PassageKind kind) {
        PassageKind sectionKindBefore = sectionKind;
        sectionKind = kind;
        try {
            return add(text, (Reference) null);
        } finally {
            sectionKind = sectionKindBefore;
        }
    }

    /** Adds a passage of the current section's kind; blank text is ignored. */
    public ArticleBuilder add(String text) {
        return add(text, (Reference) null);
    }

    public ArticleBuilder add(String text, Reference reference) {
        if (text == null || text.isBlank()) {
            return this;
        }
        if (sectionSlug == null) {
            sectionSlug = sectionSlugs.unique(baseSectionSlug(sectionKind == PassageKind.TABLE
                    || sectionKind == PassageKind.CAPTION ? PassageKind.PARAGRAPH : sectionKind));
        }
        ordinal++;
        String id = slug + "." + sectionSlug + "." + ordinal;
        // Multi-line text is code or preformatted: its indentation is meaning, so only blank edges go.
        String clean = text.indexOf('\n') >= 0 ? text.replaceAll("^(\\h*\n)+", "").stripTrailing() : text.strip();
        passages.add(new Passage(id, slug, title, sectionPath, sectionKind, ordinal, passages.size(), clean,
                sourceFile, CitationMarkers.extract(clean),
                sectionKind == PassageKind.REFERENCE ? reference : null, page));
        return this;
    }

    public boolean isEmpty() {
        return passages.isEmpty();
    }

    public Article build() {
        return new Article(slug, title, sourceFile, meta, passages);
    }

    private String baseSectionSlug(PassageKind kind) {
        return switch (kind) {
            case FAQ -> "faq-" + Slugs.sectionSlug(sectionPath.isEmpty() ? "" : sectionPath.get(sectionPath.size() - 1));
            case REFERENCE -> "references";
            case PARAGRAPH, TABLE, CAPTION -> sectionPath.isEmpty() ? "intro"
                    : Slugs.sectionSlug(sectionPath.get(sectionPath.size() - 1));
        };
    }
}
