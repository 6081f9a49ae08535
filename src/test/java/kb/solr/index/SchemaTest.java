package kb.solr.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import kb.index.Analyzers;
import kb.index.Fields;
import kb.solr.SolrSchema;
import kb.testing.SharedMeaning;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The schema mirrors the embedded index: every field of {@link Fields} under its own name, indexed, stored, with
 * offsets and multi-valued where the embedded index is, each analysed field by the analyzer {@link
 * Analyzers#perField()} gives it, the vectors as the embedded index keeps them, and kb's similarity.
 */
class SchemaTest {
    @TempDir
    static Path tmp;
    static FieldInfos lucene;
    /** Per field name: whether some passage of the fixture stores it, and whether one stores several values. */
    static final Set<String> stored = new HashSet<>();
    static final Set<String> multiValued = new HashSet<>();
    static final Map<String, Element> fields = new HashMap<>();
    static final Map<String, Element> types = new HashMap<>();
    /** Fields kb.solr adds to those of kb.index.Fields. */
    static final Set<String> SOLR_ONLY = Set.of(SolrSchema.SEQ, SolrSchema.META_FIELD, SolrSchema.VERSION);

    @BeforeAll
    static void read() throws Exception {
        Path index = MirrorFixture.index(tmp);
        try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            lucene = FieldInfos.getMergedFieldInfos(r);
            for (int i = 0; i < r.maxDoc(); i++) {
                Map<String, Integer> counts = new HashMap<>();
                for (IndexableField f : r.storedFields().document(i)) {
                    counts.merge(f.name(), 1, Integer::sum);
                }
                stored.addAll(counts.keySet());
                counts.forEach((name, n) -> {
                    if (n > 1) {
                        multiValued.add(name);
                    }
                });
            }
        }
        Element schema = ConfigSetTest.xml(SolrSchema.SCHEMA_FILE).getDocumentElement();
        assertEquals(SolrSchema.SCHEMA_NAME, schema.getAttribute("name"));
        put(schema.getElementsByTagName("field"), fields);
        put(schema.getElementsByTagName("fieldType"), types);
    }

    private static void put(NodeList list, Map<String, Element> into) {
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            into.put(e.getAttribute("name"), e);
        }
    }

    @Test
    void everyFieldOfKbIsInTheSchemaUnderItsNameAndNoOther() throws Exception {
        Set<String> kb = new HashSet<>();
        for (java.lang.reflect.Field f : Fields.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().startsWith("COMMIT_")) {
                kb.add((String) f.get(null));
            }
        }
        kb.addAll(SOLR_ONLY);
        assertEquals(kb, fields.keySet());
        assertEquals(Fields.ID, ConfigSetTest.child(ConfigSetTest.xml(SolrSchema.SCHEMA_FILE).getDocumentElement(),
                "uniqueKey").getTextContent());
    }

    @Test
    void fieldsAreIndexedStoredAndMultiValuedAsInTheEmbeddedIndex() {
        for (FieldInfo info : lucene) {
            if (info.name.startsWith("$")) {
                continue; // the facet doc values of the embedded index; Solr facets on the fields' own doc values
            }
            Element field = fields.get(info.name);
            assertNotNull(field, info.name);
            boolean indexed = info.getIndexOptions() != IndexOptions.NONE || info.getVectorDimension() > 0
                    // Also searchable on Solr (points, which no score reads): how the indexer finds first passages.
                    || info.name.equals(Fields.POSITION);
            assertEquals(indexed, bool(field, "indexed"), info.name + " indexed");
            assertEquals(info.getIndexOptions() == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
                    bool(field, "storeOffsetsWithPositions"), info.name + " offsets");
            // The vector is stored too on Solr, so the search side can fetch a passage's vector by id.
            if (!info.name.equals(Fields.VECTOR)) {
                assertEquals(stored.contains(info.name), bool(field, "stored"), info.name + " stored");
            }
            if (multiValued.contains(info.name)) {
                assertTrue(bool(field, "multiValued"), info.name + " multiValued");
            }
            String typeClass = types.get(field.getAttribute("type")).getAttribute("class");
            if (info.getIndexOptions() == IndexOptions.DOCS) {
                assertEquals("solr.StrField", typeClass, info.name + ": an exact value");
            } else if (info.getIndexOptions() != IndexOptions.NONE) {
                assertEquals("solr.TextField", typeClass, info.name + ": analysed text");
            }
        }
        for (String name : new String[] {Fields.HEADING, Fields.CITES, Fields.ARTICLE_AUTHORS}) {
            assertTrue(bool(fields.get(name), "multiValued"), name);
        }
        for (String name : new String[] {Fields.ID, Fields.ARTICLE, Fields.SECTION_PATH, Fields.POSITION, SolrSchema.SEQ}) {
            assertTrue(bool(fields.get(name), "docValues"), name + ": facets and sorts need doc values");
        }
        assertTrue(!bool(fields.get(SolrSchema.META_FIELD), "indexed") && bool(fields.get(SolrSchema.META_FIELD), "stored"));
    }

    @Test
    void eachAnalysedFieldIsAnalysedAsKbAnalysesIt() throws Exception {
        Analyzer perField = Analyzers.perField();
        int checked = 0;
        for (Element field : fields.values()) {
            Element type = types.get(field.getAttribute("type"));
            NodeList analyzers = type.getElementsByTagName("analyzer");
            if (analyzers.getLength() == 0) {
                continue;
            }
            assertEquals(1, analyzers.getLength(), "one analyzer for index and query time");
            String name = field.getAttribute("name");
            try (Analyzer solr = (Analyzer) Class.forName(((Element) analyzers.item(0)).getAttribute("class"))
                    .getDeclaredConstructor().newInstance()) {
                assertEquals(kb.solr.plugin.KbAnalysisTest.tokens(perField, name, kb.solr.plugin.KbAnalysisTest.SAMPLE),
                        kb.solr.plugin.KbAnalysisTest.tokens(solr, name, kb.solr.plugin.KbAnalysisTest.SAMPLE), name);
            }
            checked++;
        }
        assertEquals(9, checked,
                "title, section, text, text_exact, rank_text, article_text, ref_authors, ref_title, ref_journal");
    }

    @Test
    void vectorsHaveTheModelsDimensionsAndItsSimilarityAndScoresAreKbs() {
        Element vector = types.get(fields.get(Fields.VECTOR).getAttribute("type"));
        FieldInfo info = lucene.fieldInfo(Fields.VECTOR);
        assertEquals(SharedMeaning.embedder().dimensions(), Integer.parseInt(vector.getAttribute("vectorDimension")));
        assertEquals(info.getVectorDimension(), Integer.parseInt(vector.getAttribute("vectorDimension")));
        assertEquals(VectorSimilarityFunction.DOT_PRODUCT, info.getVectorSimilarityFunction());
        assertEquals("dot_product", vector.getAttribute("similarityFunction"));
        Element similarity = ConfigSetTest.child(types.values().iterator().next().getOwnerDocument().getDocumentElement(),
                "similarity");
        assertEquals(kb.solr.plugin.KbSimilarityFactory.class.getName(), similarity.getAttribute("class"));
    }

    private static boolean bool(Element field, String attribute) {
        String v = field.getAttribute(attribute);
        if (v.isEmpty()) {
            // Solr's defaults for what the schema leaves out: indexed and stored on, the rest off.
            return attribute.equals("indexed") || attribute.equals("stored");
        }
        return Boolean.parseBoolean(v);
    }
}
