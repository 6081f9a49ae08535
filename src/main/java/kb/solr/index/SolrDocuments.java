package kb.solr.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kb.index.Fields;
import kb.index.PassageValues;
import kb.index.StoredArticles;
import kb.solr.SolrSchema;
import org.apache.solr.common.SolrInputDocument;

/**
 * Maps an article's passages to Solr documents with the values {@link PassageValues} gives, the same values
 * {@code PassageDocuments} gives the embedded index, plus each passage's vector and text key as the mirror holds them
 * and its place in corpus order ({@link SolrSchema#SEQ}); and the collection's metadata document. How each field is
 * indexed is the schema's business (the config set), not this class's.
 */
public final class SolrDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SolrDocuments() {}

    /** The documents of {@code stored}'s passages, in reading order, the first given corpus place {@code firstSeq}. */
    public static List<SolrInputDocument> of(StoredArticles.Stored stored, long firstSeq) {
        List<PassageValues> values = PassageValues.of(stored.article(), stored.hash(), stored.contentHash());
        List<SolrInputDocument> docs = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            SolrInputDocument doc = of(values.get(i));
            float[] vector = stored.vectors().get(i);
            if (vector != null) {
                doc.addField(Fields.VECTOR, asList(vector));
            }
            addIfPresent(doc, Fields.TEXT_KEY, stored.textKeys().get(i));
            if (i == 0) {
                // As the mirror has it: on the first passage once every passage of the article has a vector.
                addIfPresent(doc, Fields.MEANING_MODEL, stored.meaningModel());
            }
            doc.addField(SolrSchema.SEQ, firstSeq + i);
            docs.add(doc);
        }
        return docs;
    }

    /** A passage's own fields: every value of {@code v}, under the field names of {@link Fields}. */
    static SolrInputDocument of(PassageValues v) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(Fields.ID, v.id());
        doc.addField(Fields.ARTICLE, v.article());
        doc.addField(Fields.ARTICLE_HASH, v.articleHash());
        doc.addField(Fields.TITLE, v.title());
        for (String heading : v.headings()) {
            doc.addField(Fields.HEADING, heading);
        }
        doc.addField(Fields.SECTION, v.section());
        doc.addField(Fields.SECTION_PATH, v.sectionPath());
        doc.addField(Fields.TEXT, v.text());
        doc.addField(Fields.TEXT_EXACT, v.text());
        // The first pass's field as the embedded index has it: the same tokens (the headings three times), in values.
        for (String piece : new String[] {v.title(), v.section(), v.section(), v.section(), v.text()}) {
            doc.addField(Fields.RANK_TEXT, piece);
        }
        doc.addField(Fields.KIND, v.kind());
        doc.addField(Fields.ORDINAL, v.ordinal());
        doc.addField(Fields.POSITION, v.position());
        doc.addField(Fields.SOURCE, v.source());
        addIfPresent(doc, Fields.PAGE, v.page());
        for (String cited : v.cites()) {
            doc.addField(Fields.CITES, cited);
        }
        addIfPresent(doc, Fields.ARTICLE_URL, v.articleUrl());
        for (String author : v.authors()) {
            doc.addField(Fields.ARTICLE_AUTHORS, author);
        }
        addIfPresent(doc, Fields.ARTICLE_DATE, v.date());
        addIfPresent(doc, Fields.ARTICLE_DOI, v.doi());
        addIfPresent(doc, Fields.ARTICLE_JOURNAL, v.journal());
        PassageValues.Cited ref = v.reference();
        if (ref != null) {
            doc.addField(Fields.REF_AUTHORS, ref.authors());
            doc.addField(Fields.REF_YEAR, ref.year());
            doc.addField(Fields.REF_TITLE, ref.title());
            doc.addField(Fields.REF_JOURNAL, ref.journal());
        }
        addIfPresent(doc, Fields.CONTENT_HASH, v.contentHash());
        if (v.articleText() != null) {
            doc.addField(Fields.ARTICLE_TEXT, v.articleText().text());
        }
        return doc;
    }

    /** The metadata document ({@link SolrSchema}): {@code commitData} as one JSON object, and nothing else. */
    public static SolrInputDocument meta(Map<String, String> commitData) {
        SolrInputDocument doc = new SolrInputDocument();
        doc.addField(Fields.ID, SolrSchema.META_ID);
        try {
            doc.addField(SolrSchema.META_FIELD, JSON.writeValueAsString(new TreeMap<>(commitData)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
        return doc;
    }

    private static List<Float> asList(float[] vector) {
        List<Float> out = new ArrayList<>(vector.length);
        for (float f : vector) {
            out.add(f);
        }
        return out;
    }

    private static void addIfPresent(SolrInputDocument doc, String field, Object value) {
        if (value != null) {
            doc.addField(field, value);
        }
    }
}
