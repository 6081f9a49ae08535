package kb.index;

import java.io.IOException;
import java.util.List;
import kb.corpus.ArticleMeta;
import kb.corpus.Passage;
import kb.corpus.Reference;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;

/** Maps a passage to its Lucene document; the only class that knows how each field is indexed and stored. */
public final class PassageDocuments {

    /** Passage text: stored, and offsets in the postings so the highlighter never re-analyses text. */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    /** The longest article id or section path a facet can hold, with room for the dimension name. */
    static final int MAX_FACET_LABEL = 8_000;

    private final FacetsConfig facets;

    public PassageDocuments(FacetsConfig facets) {
        this.facets = facets;
    }

    /** The facet dimensions (article slug, section path), shared by the indexer and the searcher. */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.ARTICLE, false);
        config.setMultiValued(Fields.SECTION_PATH, false);
        // Filters match the article and section_path fields themselves, so the drill-down terms facets would add
        // to the index (about 144,000 on MedQuAD) are never read: counting needs only the doc values.
        config.setDrillDownTermsIndexing(Fields.ARTICLE, FacetsConfig.DrillDownTermsIndexing.NONE);
        config.setDrillDownTermsIndexing(Fields.SECTION_PATH, FacetsConfig.DrillDownTermsIndexing.NONE);
        return config;
    }

    /** As {@link #toDocument(Passage, ArticleMeta, String)} with only the article's URL known. */
    public Document toDocument(Passage p, String articleUrl, String articleHash) throws IOException {
        return toDocument(p, new ArticleMeta(List.of(), "", articleUrl), articleHash);
    }

    /**
     * The passage's document; {@code articleHash} is its article's {@link ArticleHash}, stored for incremental
     * updates. The article's URL, authors, date, DOI and journal are stored with every passage, so a page built from
     * any one passage can show them.
     */
    public Document toDocument(Passage p, ArticleMeta meta, String articleHash) throws IOException {
        String articleUrl = meta.url();
        // Facet labels have a length limit (8,191 characters for the whole path); say which value broke it.
        if (p.articleSlug().length() > MAX_FACET_LABEL) {
            throw new IllegalArgumentException("the article id is longer than " + MAX_FACET_LABEL + " characters");
        }
        if (Fields.sectionKey(p.sectionPath()).length() > MAX_FACET_LABEL) {
            throw new IllegalArgumentException("a section heading is longer than " + MAX_FACET_LABEL + " characters");
        }
        Document doc = new Document();
        doc.add(new StoredField(Fields.ARTICLE_HASH, articleHash));
        doc.add(new StringField(Fields.ID, p.id(), Field.Store.YES));
        doc.add(new StringField(Fields.ARTICLE, p.articleSlug(), Field.Store.YES));
        doc.add(new TextField(Fields.TITLE, p.articleTitle(), Field.Store.YES));
        for (String heading : p.sectionPath()) {
            doc.add(new StoredField(Fields.HEADING, heading));
        }
        doc.add(new TextField(Fields.SECTION, String.join(" \n ", p.sectionPath()), Field.Store.NO));
        doc.add(new StringField(Fields.SECTION_PATH, Fields.sectionKey(p.sectionPath()), Field.Store.YES));
        doc.add(new Field(Fields.TEXT, p.text(), TEXT_WITH_OFFSETS));
        doc.add(new TextField(Fields.TEXT_EXACT, p.text(), Field.Store.NO));
        doc.add(new StringField(Fields.KIND, p.kind().label(), Field.Store.YES));
        doc.add(new StoredField(Fields.ORDINAL, p.ordinal()));
        doc.add(new StoredField(Fields.POSITION, p.position()));
        doc.add(new NumericDocValuesField(Fields.POSITION, p.position()));
        doc.add(new StringField(Fields.SOURCE, p.sourceFile(), Field.Store.YES));
        if (p.page() != null) {
            doc.add(new StoredField(Fields.PAGE, p.page()));
        }
        for (String cited : p.cites()) {
            doc.add(new StringField(Fields.CITES, cited, Field.Store.YES));
        }
        if (articleUrl != null && !articleUrl.isEmpty()) {
            doc.add(new StoredField(Fields.ARTICLE_URL, articleUrl));
        }
        for (String author : meta.authors()) {
            doc.add(new StoredField(Fields.ARTICLE_AUTHORS, author));
        }
        storeIfPresent(doc, Fields.ARTICLE_DATE, meta.date());
        storeIfPresent(doc, Fields.ARTICLE_DOI, meta.doi());
        storeIfPresent(doc, Fields.ARTICLE_JOURNAL, meta.journal());
        Reference ref = p.reference();
        if (ref != null) {
            doc.add(new TextField(Fields.REF_AUTHORS, ref.authors(), Field.Store.YES));
            doc.add(new StringField(Fields.REF_YEAR, ref.year(), Field.Store.YES));
            doc.add(new TextField(Fields.REF_TITLE, ref.title(), Field.Store.YES));
            doc.add(new TextField(Fields.REF_JOURNAL, ref.journal(), Field.Store.YES));
        }
        doc.add(new SortedSetDocValuesFacetField(Fields.ARTICLE, p.articleSlug()));
        if (!Fields.sectionKey(p.sectionPath()).isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(Fields.SECTION_PATH, Fields.sectionKey(p.sectionPath())));
        }
        Document built = facets.build(doc);
        checkTermLengths(built);
        return built;
    }

    /**
     * Adds the article's whole text ({@link Fields#ARTICLE_TEXT}) to its first passage's document: the title, each
     * section path's headings where the path changes, and every passage's text, in reading order. Not stored.
     */
    public static void addArticleText(Document first, kb.corpus.Article article) {
        StringBuilder all = new StringBuilder(article.title());
        List<String> path = List.of();
        for (Passage p : article.passages()) {
            if (!p.sectionPath().equals(path)) {
                path = p.sectionPath();
                all.append(" \n ").append(String.join(" \n ", path));
            }
            all.append(" \n ").append(p.text());
        }
        first.add(new TextField(Fields.ARTICLE_TEXT, all.toString(), Field.Store.NO));
    }

    private static void storeIfPresent(Document doc, String field, String value) {
        if (!value.isEmpty()) {
            doc.add(new StoredField(field, value));
        }
    }

    /**
     * Refuses a document holding an exact value over Lucene's term limit here, with a message naming the field,
     * rather than letting the index writer drop it; the indexer then skips the article and reports why.
     */
    private static void checkTermLengths(Document doc) {
        for (org.apache.lucene.index.IndexableField f : doc) {
            if (f instanceof StringField && f.stringValue() != null
                    && f.stringValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > IndexWriter.MAX_TERM_LENGTH) {
                throw new IllegalArgumentException("the " + f.name() + " value is longer than Lucene's limit of "
                        + IndexWriter.MAX_TERM_LENGTH + " bytes");
            }
        }
    }
}
