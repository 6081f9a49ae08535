package kb.index;

import java.io.IOException;
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

/** Maps a passage to its Lucene document; the only class that knows how each field is indexed and stored. */
public final class PassageDocuments {

    /** Passage text: stored, and offsets in the postings so the highlighter never re-analyses text. */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private final FacetsConfig facets;

    public PassageDocuments(FacetsConfig facets) {
        this.facets = facets;
    }

    /** The facet dimensions (article slug, section path), shared by the indexer and the searcher. */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.ARTICLE, false);
        config.setMultiValued(Fields.SECTION_PATH, false);
        return config;
    }

    /** The passage's document; {@code articleHash} is its article's {@link ArticleHash}, stored for incremental updates. */
    public Document toDocument(Passage p, String articleUrl, String articleHash) throws IOException {
        Document doc = new Document();
        doc.add(new StoredField(Fields.ARTICLE_HASH, articleHash));
        doc.add(new StringField(Fields.ID, p.id(), Field.Store.YES));
        doc.add(new StringField(Fields.ARTICLE, p.articleSlug(), Field.Store.YES));
        doc.add(new TextField(Fields.TITLE, p.articleTitle(), Field.Store.YES));
        for (String heading : p.sectionPath()) {
            doc.add(new StoredField(Fields.HEADING, heading));
        }
        doc.add(new TextField(Fields.SECTION, String.join(" \n ", p.sectionPath()), Field.Store.NO));
        doc.add(new StringField(Fields.SECTION_PATH, p.sectionPathLabel(), Field.Store.YES));
        doc.add(new Field(Fields.TEXT, p.text(), TEXT_WITH_OFFSETS));
        doc.add(new TextField(Fields.TEXT_EXACT, p.text(), Field.Store.NO));
        doc.add(new StringField(Fields.KIND, p.kind().label(), Field.Store.YES));
        doc.add(new StoredField(Fields.ORDINAL, p.ordinal()));
        doc.add(new StoredField(Fields.POSITION, p.position()));
        doc.add(new NumericDocValuesField(Fields.POSITION, p.position()));
        doc.add(new StringField(Fields.SOURCE, p.sourceFile(), Field.Store.YES));
        doc.add(new StoredField(Fields.CITATION, p.citation()));
        for (String cited : p.cites()) {
            doc.add(new StringField(Fields.CITES, cited, Field.Store.YES));
        }
        if (articleUrl != null && !articleUrl.isEmpty()) {
            doc.add(new StoredField(Fields.ARTICLE_URL, articleUrl));
        }
        Reference ref = p.reference();
        if (ref != null) {
            doc.add(new TextField(Fields.REF_AUTHORS, ref.authors(), Field.Store.YES));
            doc.add(new StringField(Fields.REF_YEAR, ref.year(), Field.Store.YES));
            doc.add(new TextField(Fields.REF_TITLE, ref.title(), Field.Store.YES));
            doc.add(new TextField(Fields.REF_JOURNAL, ref.journal(), Field.Store.YES));
        }
        doc.add(new SortedSetDocValuesFacetField(Fields.ARTICLE, p.articleSlug()));
        if (!p.sectionPathLabel().isEmpty()) {
            doc.add(new SortedSetDocValuesFacetField(Fields.SECTION_PATH, p.sectionPathLabel()));
        }
        return facets.build(doc);
    }
}
