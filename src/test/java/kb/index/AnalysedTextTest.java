package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kb.corpus.Article;
import kb.corpus.CorpusReader;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text analysed once and replayed into several fields must index exactly what each field's analyzer makes of its
 * string: the same terms, documents, frequencies, positions, offsets and norms, so ranking cannot tell the two apart.
 */
class AnalysedTextTest {
    @TempDir
    Path tmp;

    @Test
    void replayedFieldsIndexWhatTheAnalyzersWouldForTheSeedAndForTrickyText() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.copy(Path.of("corpus/ketamines-for-depression.txt"), corpus.resolve("seed.txt"));
        Files.writeString(corpus.resolve("tricky.md"), """
                # The Patient's Haemoglobin of the Colour

                It is the 0.5mg/kg dose, 10mL twice; the 40mg/day of it was the best of all.

                ## Of The

                a an the of it

                Müller's café naïve œdema 1e999 x%s y.

                ## Section

                ### Of

                Text under a heading of stop words, ending in a stop word of the

                # And

                and

                Closing words.
                """.formatted("z".repeat(300)));
        Files.writeString(corpus.resolve("records.jsonl"), """
                {"_id":"only-stops","title":"The Of","text":"it is the"}
                {"_id":"plain","title":"Ketamine","text":"Ketamine acts on NMDA receptors (NMDA).\\n\\nIs it?"}
                """);
        List<Article> articles = new ArrayList<>();
        new CorpusReader().read(corpus, articles::add);
        assertTrue(articles.size() >= 4, articles.toString());

        PassageDocuments documents = new PassageDocuments(PassageDocuments.facetsConfig());
        List<Document> replayed = new ArrayList<>();
        List<Document> analysed = new ArrayList<>();
        int replayedFields = 0;
        for (Article a : articles) {
            for (Document doc : documents.documents(a, "hash", "content")) {
                replayed.add(doc);
                Document plain = new Document();
                for (IndexableField f : doc) {
                    if (f instanceof Field field && field.tokenStreamValue() != null) {
                        replayedFields++;
                        plain.add(new Field(f.name(), f.stringValue(), field.fieldType()));
                    } else {
                        plain.add(f);
                    }
                }
                analysed.add(plain);
            }
        }
        assertTrue(replayedFields > 4 * replayed.size(), "title, section, text, exact text and the article's text");
        try (Directory a = indexed(replayed); Directory b = indexed(analysed);
                DirectoryReader ra = DirectoryReader.open(a); DirectoryReader rb = DirectoryReader.open(b)) {
            LeafReader la = ra.leaves().get(0).reader();
            LeafReader lb = rb.leaves().get(0).reader();
            for (String field : List.of(Fields.TITLE, Fields.SECTION, Fields.TEXT, Fields.TEXT_EXACT, Fields.ARTICLE_TEXT)) {
                FieldInfo info = la.getFieldInfos().fieldInfo(field);
                assertNotNull(info, field);
                assertEquals(lb.getFieldInfos().fieldInfo(field).getIndexOptions(), info.getIndexOptions(), field);
                assertSamePostings(field, la.terms(field), lb.terms(field), info.getIndexOptions());
                assertSameNorms(field, la.getNormValues(field), lb.getNormValues(field));
            }
        }
    }

    private static Directory indexed(List<Document> docs) throws IOException {
        Directory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
            w.addDocuments(docs);
            w.forceMerge(1);
        }
        return dir;
    }

    private static void assertSamePostings(String field, Terms a, Terms b, IndexOptions options) throws IOException {
        assertEquals(b.size(), a.size(), field + ": number of terms");
        TermsEnum ta = a.iterator();
        TermsEnum tb = b.iterator();
        PostingsEnum pa = null;
        PostingsEnum pb = null;
        for (BytesRef term = tb.next(); term != null; term = tb.next()) {
            BytesRef other = ta.next();
            assertEquals(term.utf8ToString(), other == null ? null : other.utf8ToString(), field);
            pa = ta.postings(pa, PostingsEnum.ALL);
            pb = tb.postings(pb, PostingsEnum.ALL);
            String where = field + ":" + term.utf8ToString();
            for (int doc = pb.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = pb.nextDoc()) {
                assertEquals(doc, pa.nextDoc(), where);
                assertEquals(pb.freq(), pa.freq(), where);
                for (int i = 0; i < pb.freq(); i++) {
                    assertEquals(pb.nextPosition(), pa.nextPosition(), where + " position");
                    if (options == IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS) {
                        assertEquals(pb.startOffset(), pa.startOffset(), where + " start offset");
                        assertEquals(pb.endOffset(), pa.endOffset(), where + " end offset");
                    }
                }
            }
            assertEquals(DocIdSetIterator.NO_MORE_DOCS, pa.nextDoc(), where);
        }
        assertEquals(null, ta.next(), field);
    }

    private static void assertSameNorms(String field, NumericDocValues a, NumericDocValues b) throws IOException {
        for (int doc = b.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = b.nextDoc()) {
            assertEquals(doc, a.nextDoc(), field + " norms");
            assertEquals(b.longValue(), a.longValue(), field + " norm of doc " + doc);
        }
        assertEquals(DocIdSetIterator.NO_MORE_DOCS, a.nextDoc(), field + " norms");
    }
}
