package kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.corpus.Article;
import kb.corpus.ArticleMeta;
import kb.corpus.Passage;
import kb.corpus.Reference;
import org.apache.lucene.analysis.TokenStream;
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

    /**
     * A passage's text as {@link Fields#TEXT} is indexed (stored, offsets in the postings): what a highlighter needs
     * to mark it as the index does, also in an index of a few passages made for that alone.
     */
    public static Field highlightableText(String text) {
        return new Field(Fields.TEXT, text, TEXT_WITH_OFFSETS);
    }

    /** The longest article id or section path a facet can hold, with room for the dimension name. */
    static final int MAX_FACET_LABEL = 8_000;

    /** What joins the pieces of {@link Fields#SECTION} and {@link Fields#ARTICLE_TEXT}: a separator holding no token. */
    private static final String JOIN = " \n ";

    private final FacetsConfig facets;
    private final AnalysedText.Analysis analysis = new AnalysedText.Analysis();

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

    /**
     * The documents of an article's passages, first passage first (an article's passages are written and replaced
     * as one block): each with its article's {@link ArticleHash} ({@code articleHash}), the first also with the content
     * hash without names and the article's whole text ({@link Fields#ARTICLE_TEXT}). Every text is analysed once:
     * the title once per article, a section path once per article, a passage's text once for {@link Fields#TEXT},
     * {@link Fields#TEXT_EXACT} and the article's text ({@link AnalysedText}). Throws IllegalArgumentException for a
     * value Lucene cannot hold. Not thread-safe: one instance per thread.
     */
    public List<Document> documents(Article article, String articleHash, String contentHash) {
        Map<String, AnalysedText> analysed = new HashMap<>();
        List<AnalysedText> texts = new ArrayList<>(article.passages().size());
        List<Document> docs = new ArrayList<>(article.passages().size());
        for (Passage p : article.passages()) {
            AnalysedText text = analysis.of(p.text());
            texts.add(text);
            docs.add(toDocument(p, article.meta(), articleHash, analysed, text));
        }
        docs.get(0).add(new StoredField(Fields.CONTENT_HASH, contentHash));
        docs.get(0).add(articleText(article, analysed, texts));
        return docs;
    }

    /**
     * The passage's document. The article's URL, authors, date, DOI and journal are stored with every passage, so a
     * page built from any one passage can show them.
     */
    private Document toDocument(Passage p, ArticleMeta meta, String articleHash, Map<String, AnalysedText> analysed,
            AnalysedText text) {
        String articleUrl = meta.url();
        String sectionKey = Fields.sectionKey(p.sectionPath());
        // Facet labels have a length limit (8,191 characters for the whole path); say which value broke it.
        if (p.articleSlug().length() > MAX_FACET_LABEL) {
            throw new IllegalArgumentException("the article id is longer than " + MAX_FACET_LABEL + " characters");
        }
        if (sectionKey.length() > MAX_FACET_LABEL) {
            throw new IllegalArgumentException("a section heading is longer than " + MAX_FACET_LABEL + " characters");
        }
        Document doc = new Document();
        doc.add(new StoredField(Fields.ARTICLE_HASH, articleHash));
        doc.add(new StringField(Fields.ID, p.id(), Field.Store.YES));
        doc.add(new StringField(Fields.ARTICLE, p.articleSlug(), Field.Store.YES));
        doc.add(replayed(new TextField(Fields.TITLE, p.articleTitle(), Field.Store.YES),
                analysed(p.articleTitle(), analysed).stemmed()));
        for (String heading : p.sectionPath()) {
            doc.add(new StoredField(Fields.HEADING, heading));
        }
        String headings = headings(p.sectionPath());
        doc.add(replayed(new TextField(Fields.SECTION, headings, Field.Store.NO), analysed(headings, analysed).stemmed()));
        doc.add(new StringField(Fields.SECTION_PATH, sectionKey, Field.Store.YES));
        doc.add(replayed(new Field(Fields.TEXT, p.text(), TEXT_WITH_OFFSETS), text.stemmed()));
        doc.add(replayed(new TextField(Fields.TEXT_EXACT, p.text(), Field.Store.NO), text.unstemmed()));
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
        if (!sectionKey.isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(Fields.SECTION_PATH, sectionKey));
        }
        Document built;
        try {
            built = facets.build(doc);
        } catch (IOException e) {
            // Building facet fields reads nothing; the API declares it for taxonomy facets.
            throw new UncheckedIOException(e);
        }
        checkTermLengths(built);
        return built;
    }

    /**
     * The article's whole text ({@link Fields#ARTICLE_TEXT}, not stored): the title, each section path's headings
     * where the path changes, and every passage's text, in reading order, joined by {@value #JOIN}; its tokens are the
     * pieces' tokens, already analysed for the passages' own fields.
     */
    private Field articleText(Article article, Map<String, AnalysedText> analysed, List<AnalysedText> texts) {
        StringBuilder all = new StringBuilder(article.title());
        List<AnalysedText> pieces = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        pieces.add(analysed(article.title(), analysed));
        starts.add(0);
        List<String> path = List.of();
        for (int i = 0; i < article.passages().size(); i++) {
            Passage p = article.passages().get(i);
            if (!p.sectionPath().equals(path)) {
                path = p.sectionPath();
                String headings = headings(path);
                all.append(JOIN);
                starts.add(all.length());
                pieces.add(analysed(headings, analysed));
                all.append(headings);
            }
            all.append(JOIN);
            starts.add(all.length());
            pieces.add(texts.get(i));
            all.append(p.text());
        }
        int[] at = starts.stream().mapToInt(Integer::intValue).toArray();
        return replayed(new TextField(Fields.ARTICLE_TEXT, all.toString(), Field.Store.NO),
                AnalysedText.concat(pieces, at, true, all.length()));
    }

    /** The section path's headings as one text, for {@link Fields#SECTION} and the article's text. */
    private static String headings(List<String> path) {
        return String.join(JOIN, path);
    }

    /** {@code text} analysed, once per article: titles and section paths repeat on every passage. */
    private AnalysedText analysed(String text, Map<String, AnalysedText> analysed) {
        return analysed.computeIfAbsent(text, analysis::of);
    }

    /** {@code field} (its string kept, for storing) indexing {@code tokens} instead of analysing its string again. */
    private static Field replayed(Field field, TokenStream tokens) {
        field.setTokenStream(tokens);
        return field;
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
