package kb.search.eval;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import kb.corpus.CorpusReader;
import kb.corpus.Passage;
import kb.search.BadQueryException;
import kb.search.RankedId;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The reference line kb's ranking is measured against: plain Lucene BM25 (k1 = 0.9, b = 0.4, as in Anserini's
 * BEIR runs) over one field holding an article's title and text, {@link EnglishAnalyzer}, and the query escaped
 * and parsed with the classic {@link QueryParser} (any word may match). It reads the corpus with kb's
 * {@link CorpusReader}, so it sees the same text kb indexes. Built in a temporary folder that {@link #close}
 * deletes.
 */
public final class PlainBm25 implements Closeable, Evaluation.Ranker {
    private static final String ID = "id";
    private static final String BODY = "body";

    private final Path dir;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = new EnglishAnalyzer();

    private PlainBm25(Path dir) throws IOException {
        this.dir = dir;
        this.directory = FSDirectory.open(dir);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(similarity());
    }

    private static BM25Similarity similarity() {
        return new BM25Similarity(0.9f, 0.4f);
    }

    /**
     * Indexes {@code corpusDir}: one document per article ({@code byPassage} false; ids are article slugs) or per
     * passage (title plus that passage's text; ids are passage ids).
     */
    public static PlainBm25 build(Path corpusDir, boolean byPassage) throws IOException {
        Path dir = Files.createTempDirectory("kb-baseline-");
        try {
            IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer()).setSimilarity(similarity())
                    .setRAMBufferSizeMB(64);
            int[] docs = {0};
            try (Directory d = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(d, config)) {
                new CorpusReader().read(corpusDir, article -> {
                    try {
                        if (byPassage) {
                            for (Passage p : article.passages()) {
                                writer.addDocument(doc(p.id(), article.title() + "\n" + p.text()));
                                docs[0]++;
                            }
                        } else {
                            List<String> parts = new ArrayList<>();
                            parts.add(article.title());
                            article.passages().forEach(p -> parts.add(p.text()));
                            writer.addDocument(doc(article.slug(), String.join("\n", parts)));
                            docs[0]++;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                writer.commit();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (docs[0] == 0) {
                throw new IOException("nothing to index in " + corpusDir);
            }
            return new PlainBm25(dir);
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    private static Document doc(String id, String body) {
        Document doc = new Document();
        doc.add(new StoredField(ID, id));
        doc.add(new TextField(BODY, body, Field.Store.NO));
        return doc;
    }

    @Override
    public List<RankedId> rank(String query, int depth) throws BadQueryException {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        Query parsed;
        try {
            parsed = new QueryParser(BODY, analyzer).parse(QueryParser.escape(query.strip()));
        } catch (ParseException | IndexSearcher.TooManyClauses e) {
            throw new BadQueryException("plain BM25 could not parse the query: " + e.getMessage());
        }
        try {
            ScoreDoc[] top = searcher.search(parsed, depth).scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<RankedId> ranked = new ArrayList<>(top.length);
            for (ScoreDoc sd : top) {
                ranked.add(new RankedId(stored.document(sd.doc).get(ID), sd.score));
            }
            return ranked;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
            directory.close();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
