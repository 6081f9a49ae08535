package kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import kb.corpus.Abbreviations;
import kb.corpus.Article;
import kb.corpus.CorpusReader;
import kb.corpus.CorpusScan;
import kb.corpus.Passage;
import kb.corpus.PassageKind;
import kb.corpus.SkippedFile;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds the passage index from a corpus folder. A rebuild writes every document and then commits once: until
 * that commit, readers (and a restarted process) see the previous index, so a rebuild that fails or is killed at
 * any moment leaves the last good index intact. Lucene's commit is the atomic switch; nothing is copied or renamed.
 */
public final class Indexer {
    /** Where articles come from: a {@link CorpusReader} in use, a failing source in tests. */
    @FunctionalInterface
    interface ArticleSource {
        CorpusScan read(Path corpusDir, Consumer<Article> sink) throws IOException;
    }

    private final ArticleSource reader;

    public Indexer(CorpusReader reader) {
        this(reader::read);
    }

    Indexer(ArticleSource reader) {
        this.reader = reader;
    }

    public IndexReport rebuild(Path corpusDir, Path indexDir) throws IOException {
        return rebuild(corpusDir, indexDir, IndexProgress.NONE);
    }

    /** As {@link #rebuild(Path, Path)}, telling {@code progress} after each article. */
    public IndexReport rebuild(Path corpusDir, Path indexDir, IndexProgress progress) throws IOException {
        long start = System.nanoTime();
        String fingerprint = CorpusFingerprint.of(requireDirectory(corpusDir));
        Files.createDirectories(indexDir);
        Map<String, Integer> byKind = new TreeMap<>();
        List<SkippedFile> configProblems = new ArrayList<>();
        String synonyms = readSynonyms(corpusDir, configProblems);
        List<Abbreviations.Definition> definitions = new ArrayList<>();
        int[] articles = {0};
        IndexProgress.Tracker tracker = new IndexProgress.Tracker(progress, corpusDir);
        PassageDocuments documents = new PassageDocuments(PassageDocuments.facetsConfig());
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                .setSimilarity(Ranking.similarity())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(64)
                // A rebuild commits once, at the end; no intermediate commit may become visible.
                .setCommitOnClose(false);
        try (Directory dir = FSDirectory.open(indexDir); IndexWriter writer = new IndexWriter(dir, config)) {
            CorpusScan scan;
            try {
                scan = reader.read(corpusDir, article -> {
                    try {
                        addArticle(writer, documents, article, byKind);
                        learnAbbreviations(article, definitions);
                        articles[0]++;
                        tracker.article(article);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                writer.rollback();
                throw e.getCause();
            } catch (IOException | RuntimeException e) {
                writer.rollback();
                throw e;
            }
            boolean committed = articles[0] > 0;
            Map<String, String> abbreviations = Abbreviations.mostFrequent(definitions);
            if (committed) {
                Map<String, String> commitData = new HashMap<>(ExpansionDictionary.commitData(abbreviations, synonyms));
                commitData.put(Fields.COMMIT_CORPUS_FINGERPRINT, fingerprint);
                commitData.put(Fields.COMMIT_BUILT_AT, Instant.now().toString());
                writer.setLiveCommitData(commitData.entrySet());
                writer.commit();
            } else {
                writer.rollback();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<SkippedFile> skipped = new ArrayList<>(configProblems);
            skipped.addAll(scan.skipped());
            return new IndexReport(scan.filesRead(), articles[0], byKind, skipped, scan.bytesRead(), millis, committed,
                    abbreviations.size());
        }
    }

    private static void addArticle(IndexWriter writer, PassageDocuments documents, Article article, Map<String, Integer> byKind)
            throws IOException {
        for (Passage p : article.passages()) {
            writer.addDocument(documents.toDocument(p, article.meta().url()));
            byKind.merge(p.kind().label(), 1, Integer::sum);
        }
    }

    private static void learnAbbreviations(Article article, List<Abbreviations.Definition> definitions) {
        for (Passage p : article.passages()) {
            if (p.kind() != PassageKind.REFERENCE) {
                definitions.addAll(Abbreviations.find(p.text()));
            }
        }
    }

    /** The corpus's synonym list, or "" when there is none or it cannot be used (then reported, not fatal). */
    private static String readSynonyms(Path corpusDir, List<SkippedFile> problems) {
        Path file = corpusDir.resolve(CorpusReader.SYNONYMS_FILE);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "";
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            ExpansionDictionary.synonymPairs(text);
            return text;
        } catch (ParseException e) {
            problems.add(new SkippedFile(CorpusReader.SYNONYMS_FILE, "invalid synonym list near line " + e.getErrorOffset()
                    + ": " + e.getMessage()));
        } catch (IOException | RuntimeException e) {
            problems.add(new SkippedFile(CorpusReader.SYNONYMS_FILE, "cannot read synonym list: " + e.getMessage()));
        }
        return "";
    }

    /** True when there is no index in {@code indexDir}, or it was built from a corpus that has changed since. */
    public static boolean isStale(Path corpusDir, Path indexDir) throws IOException {
        if (!Files.isDirectory(indexDir)) {
            return true;
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return true;
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
            return !CorpusFingerprint.of(requireDirectory(corpusDir)).equals(data.get(Fields.COMMIT_CORPUS_FINGERPRINT));
        }
    }

    private static Path requireDirectory(Path corpusDir) throws IOException {
        if (!Files.isDirectory(corpusDir)) {
            throw new IOException("corpus folder " + corpusDir + " does not exist or is not a folder");
        }
        return corpusDir;
    }
}
