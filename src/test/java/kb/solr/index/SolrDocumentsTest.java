package kb.solr.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.index.Fields;
import kb.index.StoredArticles;
import kb.solr.SolrSchema;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Solr documents of an article hold what the embedded index holds for it: every stored value, the same text in
 * the analysed fields that are not stored, the same vector, and a place in corpus order; the metadata document holds
 * the commit data and nothing else.
 */
class SolrDocumentsTest {
    @TempDir
    static Path tmp;
    static Path index;

    /** Fields the Lucene index does not store but a Solr document carries, beside the stored ones. */
    private static final Set<String> UNSTORED = Set.of(Fields.SECTION, Fields.TEXT_EXACT, Fields.ARTICLE_TEXT,
            Fields.RANK_TEXT, Fields.VECTOR, Fields.TEXT_KEY, SolrSchema.SEQ);

    @BeforeAll
    static void indexFixtureCorpus() throws IOException {
        index = MirrorFixture.index(tmp);
    }

    @Test
    void everyStoredValueOfTheEmbeddedIndexIsInTheSolrDocumentAndNothingElse() throws IOException {
        Map<String, Document> lucene = luceneDocuments();
        Map<String, SolrInputDocument> solr = solrDocuments(0);
        assertEquals(lucene.keySet(), solr.keySet());
        for (Map.Entry<String, Document> e : lucene.entrySet()) {
            Document l = e.getValue();
            SolrInputDocument s = solr.get(e.getKey());
            Set<String> names = new HashSet<>();
            for (IndexableField f : l) {
                names.add(f.name());
            }
            for (String name : names) {
                List<String> want = new ArrayList<>();
                for (IndexableField f : l.getFields(name)) {
                    want.add(f.numericValue() != null ? f.numericValue().toString() : f.stringValue());
                }
                List<String> got = new ArrayList<>();
                s.getFieldValues(name).forEach(v -> got.add(String.valueOf(v)));
                assertEquals(want, got, e.getKey() + " " + name);
            }
            Set<String> extra = new HashSet<>(s.getFieldNames());
            extra.removeAll(names);
            extra.removeAll(UNSTORED);
            assertEquals(Set.of(), extra, e.getKey());
            assertEquals(l.get(Fields.TEXT), s.getFieldValue(Fields.TEXT_EXACT));
            assertEquals(String.join(" \n ", l.getValues(Fields.HEADING)), s.getFieldValue(Fields.SECTION));
            Object section = s.getFieldValue(Fields.SECTION);
            assertEquals(List.of(l.get(Fields.TITLE), section, section, section, l.get(Fields.TEXT)),
                    List.copyOf(s.getFieldValues(Fields.RANK_TEXT)), "the first pass's field, the headings three times");
        }
    }

    @Test
    void theFirstPassageCarriesTheArticlesWholeTextAndEveryPassageItsVector() throws IOException {
        Map<String, SolrInputDocument> solr = solrDocuments(0);
        Map<String, float[]> vectors = luceneVectors();
        SolrInputDocument first = solr.get("alpha.intro.1");
        String whole = (String) first.getFieldValue(Fields.ARTICLE_TEXT);
        assertTrue(whole.startsWith("Alpha trial \n Ketamine eases depression"), whole);
        assertTrue(whole.contains(" \n Methods \n Midazolam"), whole);
        assertNull(solr.get("alpha.methods.1").getFieldValue(Fields.ARTICLE_TEXT));
        assertEquals(vectors.keySet(), solr.keySet());
        for (Map.Entry<String, SolrInputDocument> e : solr.entrySet()) {
            float[] got = toArray(e.getValue().getFieldValues(Fields.VECTOR));
            assertArrayEquals(vectors.get(e.getKey()), got, e.getKey());
            assertNotNull(e.getValue().getFieldValue(Fields.TEXT_KEY), e.getKey());
        }
    }

    @Test
    void passagesTakeConsecutivePlacesInReadingOrderFromTheFirstGiven() throws IOException {
        try (StoredArticles mirror = StoredArticles.open(index)) {
            List<SolrInputDocument> docs = SolrDocuments.of(mirror.read("alpha"), 40);
            for (int i = 0; i < docs.size(); i++) {
                assertEquals(40L + i, docs.get(i).getFieldValue(SolrSchema.SEQ));
                assertEquals(i, docs.get(i).getFieldValue(Fields.POSITION));
            }
            assertEquals(List.of("alpha", "beta"), mirror.inIndexOrder(List.of("beta", "alpha")));
        }
    }

    @Test
    void theMetadataDocumentHoldsTheCommitDataAsJsonAndNoPassageField() throws IOException {
        try (StoredArticles mirror = StoredArticles.open(index)) {
            Map<String, String> data = mirror.commitData();
            SolrInputDocument meta = SolrDocuments.meta(data);
            assertEquals(Set.of(Fields.ID, SolrSchema.META_FIELD), new HashSet<>(meta.getFieldNames()));
            assertEquals(SolrSchema.META_ID, meta.getFieldValue(Fields.ID));
            Map<?, ?> back = new ObjectMapper().readValue((String) meta.getFieldValue(SolrSchema.META_FIELD), Map.class);
            assertEquals(data, back);
            assertTrue(data.containsKey(Fields.COMMIT_RUN) && data.containsKey(Fields.COMMIT_REDIRECTS), data.toString());
        }
    }

    private static Map<String, SolrInputDocument> solrDocuments(long firstSeq) throws IOException {
        Map<String, SolrInputDocument> out = new HashMap<>();
        try (StoredArticles mirror = StoredArticles.open(index)) {
            long seq = firstSeq;
            for (String slug : mirror.inIndexOrder(mirror.hashes().keySet())) {
                for (SolrInputDocument d : SolrDocuments.of(mirror.read(slug), seq)) {
                    out.put((String) d.getFieldValue(Fields.ID), d);
                    seq++;
                }
            }
        }
        return out;
    }

    private static Map<String, Document> luceneDocuments() throws IOException {
        Map<String, Document> out = new HashMap<>();
        try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            for (int i = 0; i < r.maxDoc(); i++) {
                Document d = r.storedFields().document(i);
                out.put(d.get(Fields.ID), d);
            }
        }
        return out;
    }

    private static Map<String, float[]> luceneVectors() throws IOException {
        Map<String, float[]> out = new HashMap<>();
        try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            for (LeafReaderContext leaf : r.leaves()) {
                FloatVectorValues values = leaf.reader().getFloatVectorValues(Fields.VECTOR);
                for (int doc = values.nextDoc(); doc != FloatVectorValues.NO_MORE_DOCS; doc = values.nextDoc()) {
                    out.put(leaf.reader().storedFields().document(doc).get(Fields.ID), values.vectorValue().clone());
                }
            }
        }
        return out;
    }

    private static float[] toArray(java.util.Collection<Object> values) {
        float[] out = new float[values.size()];
        int i = 0;
        for (Object v : values) {
            out[i++] = (Float) v;
        }
        return out;
    }
}
