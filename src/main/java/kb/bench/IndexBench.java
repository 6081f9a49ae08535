package kb.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kb.corpus.CorpusReader;
import kb.corpus.CorpusScan;
import kb.corpus.Passage;
import kb.index.IndexReport;
import kb.index.Indexer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Times a full rebuild: kb's {@link Indexer}, and the minimal Lucene loop it is compared with: the same passages
 * read by the same {@link CorpusReader}, each passage's text in one stored {@link TextField} with offsets in the
 * postings, {@link EnglishAnalyzer}, the same RAM buffer, one commit at the end. Both are timed from the first file
 * read to the commit.
 */
public final class IndexBench {
    /** The single field of the baseline index. */
    public static final String BASELINE_FIELD = "text";

    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private IndexBench() {}

    /** What one rebuild took: time, what it read, how big the index is and the peak heap while it ran. */
    public record Figures(long nanos, long corpusBytes, int articles, long passages, long indexBytes, long peakHeapBytes) {
        public double seconds() {
            return nanos / 1e9;
        }

        public double mbPerSecond() {
            return corpusBytes / 1e6 / seconds();
        }

        public double passagesPerSecond() {
            return passages / seconds();
        }
    }

    /** Rebuilds kb's index of {@code corpus} into {@code indexDir}. */
    public static Figures kb(Path corpus, Path indexDir) throws IOException {
        try (HeapSampler heap = HeapSampler.start()) {
            long start = System.nanoTime();
            IndexReport report = new Indexer(new CorpusReader()).rebuild(corpus, indexDir);
            long nanos = System.nanoTime() - start;
            if (!report.committed()) {
                throw new IOException("nothing could be indexed from " + corpus);
            }
            return new Figures(nanos, report.bytesRead(), report.articles(), report.passages(), sizeOf(indexDir),
                    heap.peakBytes());
        }
    }

    /** Builds the minimal Lucene baseline index of {@code corpus} into {@code indexDir} (replacing what is there). */
    public static Figures baseline(Path corpus, Path indexDir) throws IOException {
        try (HeapSampler heap = HeapSampler.start()) {
            long start = System.nanoTime();
            long[] passages = {0};
            CorpusScan scan;
            IndexWriterConfig config = new IndexWriterConfig(new EnglishAnalyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                    .setRAMBufferSizeMB(64);
            try (Directory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, config)) {
                try {
                    scan = new CorpusReader().read(corpus, article -> {
                        for (Passage p : article.passages()) {
                            Document doc = new Document();
                            doc.add(new Field(BASELINE_FIELD, p.text(), TEXT_WITH_OFFSETS));
                            try {
                                writer.addDocument(doc);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                            passages[0]++;
                        }
                    });
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                writer.commit();
            }
            long nanos = System.nanoTime() - start;
            return new Figures(nanos, scan.bytesRead(), scan.articles(), passages[0], sizeOf(indexDir), heap.peakBytes());
        }
    }

    /** The total size of the files in a folder, recursively. */
    public static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}
