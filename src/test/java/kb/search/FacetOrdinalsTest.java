package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kb.index.Fields;
import kb.index.PassageDocuments;
import kb.testing.SeedExtension;
import kb.testing.TestSeed;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Facets counted from the generation's ordinals are Lucene's facet counts, value for value and in the same order
 * (ties in label order), over several segments with deleted passages; an index where a passage has two sections is
 * left to Lucene.
 */
@ExtendWith(SeedExtension.class)
class FacetOrdinalsTest {
    @Test
    void countsTopValuesAndTiesAsLucenesFacetCountsDo(TestSeed seed) throws Exception {
        Random random = seed.random();
        FacetsConfig config = PassageDocuments.facetsConfig();
        try (Directory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig iwc = new IndexWriterConfig(new WhitespaceAnalyzer()).setMaxBufferedDocs(50);
            try (IndexWriter w = new IndexWriter(dir, iwc)) {
                for (int d = 0; d < 400; d++) {
                    Document doc = new Document();
                    doc.add(new StringField("id", Integer.toString(d), Field.Store.NO));
                    doc.add(new StringField("word", "w" + random.nextInt(4), Field.Store.NO));
                    // Few values, so that counts tie often.
                    doc.add(new SortedSetDocValuesFacetField(Fields.ARTICLE, "a" + random.nextInt(25)));
                    if (random.nextInt(10) > 0) {
                        doc.add(new SortedSetDocValuesFacetField(Fields.SECTION_PATH, "s" + random.nextInt(30)));
                    }
                    w.addDocument(config.build(doc));
                }
                for (int i = 0; i < 40; i++) {
                    w.deleteDocuments(new Term("id", Integer.toString(random.nextInt(400))));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertTrue(reader.leaves().size() > 1, "several segments");
                IndexSearcher searcher = new IndexSearcher(reader);
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                FacetOrdinals ordinals = FacetOrdinals.of(state, reader.maxDoc());
                for (String word : List.of("w0", "w1", "w2", "w3")) {
                    FacetsCollector matches = searcher.search(new TermQuery(new Term("word", word)),
                            new FacetsCollectorManager());
                    SortedSetDocValuesFacetCounts lucene = new SortedSetDocValuesFacetCounts(state, matches);
                    FacetOrdinals.Counts counts = ordinals.count(docs(matches));
                    for (int n : new int[] {1, 5, 10, 40}) {
                        assertEquals(values(lucene.getTopChildren(n, Fields.ARTICLE)), ordinals.topArticles(counts, n),
                                word + " articles top " + n);
                        assertEquals(values(lucene.getTopChildren(n, Fields.SECTION_PATH)),
                                ordinals.topSections(counts, n), word + " sections top " + n);
                    }
                    for (int d = 0; d < reader.maxDoc(); d++) {
                        FacetOrdinals.Valued article = ordinals.articleOf(counts, d);
                        String slug = ArticleStarts.slugOf(searcher, d);
                        assertEquals(slug, article == null ? null : article.value(), "doc " + d);
                        if (slug != null) {
                            Number n = lucene.getSpecificValue(Fields.ARTICLE, slug);
                            assertEquals(n == null || n.longValue() < 0 ? 0 : n.longValue(), article.count(),
                                    word + " " + slug);
                        }
                    }
                }
            }
        }
    }

    @Test
    void aCorpusWithoutSectionsCountsItsArticlesAndNoSection() throws Exception {
        FacetsConfig config = PassageDocuments.facetsConfig();
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (int d = 0; d < 30; d++) {
                    Document doc = new Document();
                    doc.add(new SortedSetDocValuesFacetField(Fields.ARTICLE, "a" + d % 7));
                    w.addDocument(config.build(doc));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                FacetOrdinals ordinals = FacetOrdinals.of(state, reader.maxDoc());
                FacetsCollector all = new IndexSearcher(reader).search(new org.apache.lucene.search.MatchAllDocsQuery(),
                        new FacetsCollectorManager());
                FacetOrdinals.Counts counts = ordinals.count(docs(all));
                assertEquals(values(new SortedSetDocValuesFacetCounts(state, all).getTopChildren(10, Fields.ARTICLE)),
                        ordinals.topArticles(counts, 10));
                assertEquals(List.of(), ordinals.topSections(counts, 10));
            }
        }
    }

    @Test
    void aPassageWithTwoSectionsLeavesTheCountingToLucene() throws Exception {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.SECTION_PATH, true);
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                Document doc = new Document();
                doc.add(new SortedSetDocValuesFacetField(Fields.ARTICLE, "a"));
                doc.add(new SortedSetDocValuesFacetField(Fields.SECTION_PATH, "s1"));
                doc.add(new SortedSetDocValuesFacetField(Fields.SECTION_PATH, "s2"));
                w.addDocument(config.build(doc));
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                assertNull(FacetOrdinals.of(new DefaultSortedSetDocValuesReaderState(reader, config), reader.maxDoc()));
            }
        }
    }

    private static List<FacetOrdinals.Valued> values(FacetResult result) {
        List<FacetOrdinals.Valued> out = new ArrayList<>();
        if (result != null) {
            for (LabelAndValue lv : result.labelValues) {
                out.add(new FacetOrdinals.Valued(lv.label, lv.value.intValue()));
            }
        }
        return out;
    }

    /** The global doc ids a search collected, as a page's counted matches hold them. */
    private static int[] docs(FacetsCollector collected) throws java.io.IOException {
        List<Integer> docs = new java.util.ArrayList<>();
        for (FacetsCollector.MatchingDocs m : collected.getMatchingDocs()) {
            org.apache.lucene.search.DocIdSetIterator it = m.bits.iterator();
            if (it == null) {
                continue;
            }
            for (int d = it.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                docs.add(m.context.docBase + d);
            }
        }
        return docs.stream().mapToInt(Integer::intValue).toArray();
    }
}
