package kb.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import kb.corpus.CorpusFiles;

/**
 * Told by {@link Indexer#rebuild(Path, Path, IndexProgress)} after every article it indexes, so a caller can show
 * progress. Byte counts let a caller estimate speed and time left: {@code bytesTotal} is the size of the corpus's files,
 * seen by the run's one walk of the corpus before indexing starts; {@code bytesDone} is an estimate that never exceeds it.
 */
@FunctionalInterface
public interface IndexProgress {
    /** Reports nothing. */
    IndexProgress NONE = (articles, passages, bytesDone, bytesTotal) -> {};

    void article(long articles, long passages, long bytesDone, long bytesTotal);

    /**
     * Told before {@link #article} when the run writes meaning vectors: {@code withMeaning} of the {@code passages}
     * so far have one (kept, found in the last commit, or embedded).
     */
    default void meaning(long withMeaning, long passages) {}

    /** The total size of the corpus's regular files ({@link CorpusFiles}: the files the indexer reads). */
    static long corpusBytes(Path corpusDir) throws IOException {
        return CorpusFingerprint.of(CorpusFiles.list(corpusDir), false).bytes();
    }

    /**
     * Counts articles, passages and bytes as articles arrive. Bytes: the sizes of files already finished plus the
     * text read so far from the current one (so one large JSON Lines file still advances), capped by the total.
     * The sizes are the run's own, from its one walk of the corpus (by path relative to the corpus root).
     */
    final class Tracker {
        private final IndexProgress sink;
        private final Map<String, Long> sizes;
        private final long total;
        private long articles;
        private long passages;
        private long finishedFiles;
        private String currentFile;
        private long currentFileSize;
        private long currentText;

        Tracker(IndexProgress sink, Map<String, Long> sizes) {
            this.sink = sink;
            this.sizes = sizes;
            this.total = sizes.values().stream().mapToLong(Long::longValue).sum();
        }

        /** One more article written or kept; {@code withMeaning}: passages so far with a vector, -1 when none are made. */
        void article(kb.corpus.Article article, long withMeaning) {
            if (sink == NONE) {
                return;
            }
            articles++;
            passages += article.passages().size();
            if (withMeaning >= 0) {
                sink.meaning(withMeaning, passages);
            }
            if (!article.sourceFile().equals(currentFile)) {
                finishedFiles += currentFileSize;
                currentFile = article.sourceFile();
                currentFileSize = sizes.getOrDefault(currentFile, 0L);
                currentText = 0;
            }
            for (kb.corpus.Passage p : article.passages()) {
                currentText += p.text().length();
            }
            long done = finishedFiles + Math.min(currentText, currentFileSize);
            sink.article(articles, passages, Math.min(done, total), total);
        }
    }
}
