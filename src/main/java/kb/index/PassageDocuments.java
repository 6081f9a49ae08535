package kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kb.corpus.Article;
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
     * as one block), with the values {@link PassageValues#of} gives. Every text is analysed once: the title once per
     * article, a section path once per article, a passage's text once for {@link Fields#TEXT},
     * {@link Fields#TEXT_EXACT} and the article's text ({@link AnalysedText}). Throws IllegalArgumentException for a
     * value Lucene cannot hold. Not thread-safe: one instance per thread.
     */
    public List<Document> documents(Article article, String articleHash, String contentHash) {
        Map<String, AnalysedText> analysed = new HashMap<>();
        List<Document> docs = new ArrayList<>(article.passages().size());
        for (PassageValues v : PassageValues.of(article, articleHash, contentHash)) {
            docs.add(toDocument(v, analysed));
        }
        return docs;
    }

    /** The passage's document: every value of {@code v}, each field indexed and stored as its rule says. */
    private Document toDocument(PassageValues v, Map<String, AnalysedText> analysed) {
        // Facet labels have a length limit (8,191 characters for the whole path); say which value broke it.
        if (v.article().length() > MAX_FACET_LABEL) {
            throw new IllegalArgumentException("the article id is longer than " + MAX_FACET_LABEL + " characters");
        }
        if (v.sectionPath().length() > MAX_FACET_LABEL) {
            throw new IllegalArgumentException("a section heading is longer than " + MAX_FACET_LABEL + " characters");
        }
        AnalysedText text = analysed(v.text(), analysed);
        AnalysedText title = analysed(v.title(), analysed);
        AnalysedText section = analysed(v.section(), analysed);
        Document doc = new Document();
        doc.add(new StoredField(Fields.ARTICLE_HASH, v.articleHash()));
        doc.add(new StringField(Fields.ID, v.id(), Field.Store.YES));
        doc.add(new StringField(Fields.ARTICLE, v.article(), Field.Store.YES));
        doc.add(replayed(new TextField(Fields.TITLE, v.title(), Field.Store.YES), title.stemmed()));
        for (String heading : v.headings()) {
            doc.add(new StoredField(Fields.HEADING, heading));
        }
        doc.add(replayed(new TextField(Fields.SECTION, v.section(), Field.Store.NO), section.stemmed()));
        doc.add(new StringField(Fields.SECTION_PATH, v.sectionPath(), Field.Store.YES));
        doc.add(replayed(new Field(Fields.TEXT, v.text(), TEXT_WITH_OFFSETS), text.stemmed()));
        doc.add(replayed(new TextField(Fields.TEXT_EXACT, v.text(), Field.Store.NO), text.unstemmed()));
        doc.add(rankText(v, title, section, text));
        doc.add(new StringField(Fields.KIND, v.kind(), Field.Store.YES));
        doc.add(new StoredField(Fields.ORDINAL, v.ordinal()));
        doc.add(new StoredField(Fields.POSITION, v.position()));
        doc.add(new NumericDocValuesField(Fields.POSITION, v.position()));
        doc.add(new StringField(Fields.SOURCE, v.source(), Field.Store.YES));
        if (v.page() != null) {
            doc.add(new StoredField(Fields.PAGE, v.page()));
        }
        for (String cited : v.cites()) {
            doc.add(new StringField(Fields.CITES, cited, Field.Store.YES));
        }
        storeIfPresent(doc, Fields.ARTICLE_URL, v.articleUrl());
        for (String author : v.authors()) {
            doc.add(new StoredField(Fields.ARTICLE_AUTHORS, author));
        }
        storeIfPresent(doc, Fields.ARTICLE_DATE, v.date());
        storeIfPresent(doc, Fields.ARTICLE_DOI, v.doi());
        storeIfPresent(doc, Fields.ARTICLE_JOURNAL, v.journal());
        PassageValues.Cited ref = v.reference();
        if (ref != null) {
            doc.add(new TextField(Fields.REF_AUTHORS, ref.authors(), Field.Store.YES));
            doc.add(new StringField(Fields.REF_YEAR, ref.year(), Field.Store.YES));
            doc.add(new TextField(Fields.REF_TITLE, ref.title(), Field.Store.YES));
            doc.add(new TextField(Fields.REF_JOURNAL, ref.journal(), Field.Store.YES));
        }
        storeIfPresent(doc, Fields.CONTENT_HASH, v.contentHash());
        // Every other passage holds the field empty: no term, so no statistic changes, but a norm, so the article
        // text's norms are dense and scoring an article looks its length up directly instead of through a sparse
        // index of the passages that have one.
        doc.add(v.articleText() != null ? articleText(v.articleText(), analysed)
                : replayed(new TextField(Fields.ARTICLE_TEXT, "", Field.Store.NO),
                        AnalysedText.concat(List.of(), new int[0], true, 0)));
        doc.add(new SortedSetDocValuesFacetField(Fields.ARTICLE, v.article()));
        if (!v.sectionPath().isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(Fields.SECTION_PATH, v.sectionPath()));
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
     * {@link Fields#RANK_TEXT}: the title, the headings three times and the text, their tokens those already analysed
     * for the passage's own fields, each piece's offsets after the one before (Lucene wants them in order).
     */
    private static Field rankText(PassageValues v, AnalysedText title, AnalysedText section, AnalysedText text) {
        int t = v.title().length() + 1;
        int h = v.section().length() + 1;
        int[] starts = {0, t, t + h, t + 2 * h, t + 3 * h};
        return replayed(new TextField(Fields.RANK_TEXT, "", Field.Store.NO), AnalysedText.concat(
                List.of(title, section, section, section, text), starts, true, t + 3 * h + v.text().length()));
    }

    /**
     * The article's whole text ({@link Fields#ARTICLE_TEXT}, not stored); its tokens are the pieces' tokens, already
     * analysed for the passages' own fields.
     */
    private Field articleText(PassageValues.ArticleText whole, Map<String, AnalysedText> analysed) {
        List<AnalysedText> pieces = new ArrayList<>(whole.pieces().size());
        for (String piece : whole.pieces()) {
            pieces.add(analysed(piece, analysed));
        }
        int[] at = whole.starts().stream().mapToInt(Integer::intValue).toArray();
        return replayed(new TextField(Fields.ARTICLE_TEXT, whole.text(), Field.Store.NO),
                AnalysedText.concat(pieces, at, true, whole.text().length()));
    }

    /**
     * {@code text} analysed, once per article: titles and section paths repeat on every passage, and a passage's
     * text is also a piece of the article's text.
     */
    private AnalysedText analysed(String text, Map<String, AnalysedText> analysed) {
        return analysed.computeIfAbsent(text, analysis::of);
    }

    /** {@code field} (its string kept, for storing) indexing {@code tokens} instead of analysing its string again. */
    private static Field replayed(Field field, TokenStream tokens) {
        field.setTokenStream(tokens);
        return field;
    }

    private static void storeIfPresent(Document doc, String field, String value) {
        if (value != null) {
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
