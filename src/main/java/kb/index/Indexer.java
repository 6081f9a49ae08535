package kb.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import kb.corpus.Article;
import kb.corpus.CorpusFiles;
import kb.corpus.CorpusReader;
import kb.corpus.CorpusScan;
import kb.corpus.SkippedFile;
import kb.corpus.SlugBook;
import kb.meaning.Embedder;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Builds and updates the passage index from a corpus folder. A full rebuild writes every document; an incremental
 * update rewrites only the articles whose {@link ArticleHash} changed and deletes those gone from the corpus.
 * Either way the run ends in exactly one commit: until it lands, readers (and a restarted process) see the previous
 * index, and a run that fails is rolled back, so a failure or kill at any moment leaves the last good index intact.
 * Lucene's commit is the atomic switch; nothing is copied or renamed. {@link IndexRun} does the pass itself and
 * {@link CommitOrRollback} ends it.
 */
public final class Indexer {
    /** Where articles come from: a {@link CorpusReader} in use; a slow or failing source in tests. */
    @FunctionalInterface
    public interface ArticleSource {
        /** Reads the corpus; {@code slugs} are the ids the index already gave, live and retired. */
        CorpusScan read(Path corpusDir, SlugBook slugs, Consumer<Article> sink) throws IOException;

        /** Reads the files of a listing the run has made already; a source that lists for itself reads its root. */
        default CorpusScan read(CorpusFiles.Listing listing, SlugBook slugs, Consumer<Article> sink) throws IOException {
            return read(listing.root(), slugs, sink);
        }
    }

    /**
     * What a run may do beyond a plain update: delete most of the index ({@code allowDeletions}), or rebuild an
     * index from another corpus than the one it was built from ({@code replaceCorpus}, full rebuilds only). With an
     * {@code embedder} it also gives passages meaning vectors, embedding at most {@code meaningBudget} texts (text
     * embedded before comes from the last commit); without one it writes no new vectors, keeping those of unchanged
     * text. {@code meaning} is the setting the run records ({@link MeaningSwitch}).
     */
    public record Options(boolean allowDeletions, boolean replaceCorpus, Embedder embedder, int meaningBudget,
            MeaningSwitch meaning) {
        /** No limit on the texts a run embeds. */
        public static final int UNLIMITED = Integer.MAX_VALUE;
        public static final Options DEFAULT = new Options(false, false);

        public Options {
            if (meaningBudget < 0) {
                throw new IllegalArgumentException("the meaning budget cannot be negative: " + meaningBudget);
            }
            java.util.Objects.requireNonNull(meaning, "meaning");
            if (embedder != null && meaning == MeaningSwitch.OFF) {
                throw new IllegalArgumentException("a run that switches meaning off embeds nothing");
            }
        }

        /** No vectors made; the index's meaning setting kept. */
        public Options(boolean allowDeletions, boolean replaceCorpus) {
            this(allowDeletions, replaceCorpus, null, UNLIMITED, MeaningSwitch.KEEP);
        }

        /** The embedder, when this run makes vectors. */
        public Optional<Embedder> meaningEmbedder() {
            return Optional.ofNullable(embedder);
        }

        /** These options embedding with {@code embedder} (null: none), at most {@code budget} texts. */
        public Options withEmbedder(Embedder embedder, int budget) {
            return new Options(allowDeletions, replaceCorpus, embedder, budget, meaning);
        }

        /** These options recording {@code setting}. */
        public Options withMeaning(MeaningSwitch setting) {
            return new Options(allowDeletions, replaceCorpus, embedder, meaningBudget, setting);
        }
    }

    /** How a run treats the existing index: start from nothing, or change only what changed. */
    public enum Mode {
        /** Start from an empty index (Lucene's OpenMode.CREATE); the old one stays current until the commit. */
        FULL,
        /** Re-index articles whose content hash changed, delete articles no longer in the corpus, keep the rest. */
        INCREMENTAL
    }

    /** The writer's buffer: documents held in memory before they are written as a segment. */
    static final double RAM_BUFFER_MB = 64;

    private final ArticleSource reader;
    private final double ramBufferMB;

    public Indexer(CorpusReader reader) {
        this(new ArticleSource() {
            @Override
            public CorpusScan read(Path corpusDir, SlugBook slugs, Consumer<Article> sink) throws IOException {
                return reader.read(corpusDir, slugs, sink);
            }

            @Override
            public CorpusScan read(CorpusFiles.Listing listing, SlugBook slugs, Consumer<Article> sink) {
                return reader.read(listing, slugs, sink);
            }
        });
    }

    public Indexer(ArticleSource reader) {
        this(reader, RAM_BUFFER_MB);
    }

    /** With a writer's buffer of {@code ramBufferMB}: a small one makes a small corpus span several segments (tests). */
    Indexer(ArticleSource reader, double ramBufferMB) {
        this.reader = reader;
        this.ramBufferMB = ramBufferMB;
    }

    /** A full rebuild of {@code indexDir} from {@code corpusDir}. */
    public IndexReport rebuild(Path corpusDir, Path indexDir) throws IOException {
        return index(corpusDir, indexDir, Mode.FULL);
    }

    /** As {@link #rebuild(Path, Path)}, telling {@code progress} after each article. */
    public IndexReport rebuild(Path corpusDir, Path indexDir, IndexProgress progress) throws IOException {
        return index(corpusDir, indexDir, Mode.FULL, progress);
    }

    /** An incremental update of {@code indexDir}; a full build when there is no index yet. */
    public IndexReport update(Path corpusDir, Path indexDir) throws IOException {
        return index(corpusDir, indexDir, Mode.INCREMENTAL);
    }

    public IndexReport index(Path corpusDir, Path indexDir, Mode mode) throws IOException {
        return index(corpusDir, indexDir, mode, IndexProgress.NONE);
    }

    /** Updates or rebuilds {@code indexDir}, telling {@code progress} after each article written (changed or not). */
    public IndexReport index(Path corpusDir, Path indexDir, Mode mode, IndexProgress progress) throws IOException {
        return index(corpusDir, indexDir, mode, progress, Options.DEFAULT);
    }

    /**
     * As {@link #index(Path, Path, Mode, IndexProgress)} with {@code options}. Throws {@link CorpusMismatchException}
     * when the index was built from another corpus, and {@link MassDeletionException} (nothing changed) when the
     * update would delete most of the index without {@link Options#allowDeletions()}.
     */
    public IndexReport index(Path corpusDir, Path indexDir, Mode mode, IndexProgress progress, Options options)
            throws IOException {
        Path root = CorpusFiles.root(corpusDir);
        if (Files.isDirectory(indexDir) && indexDir.toRealPath().equals(root)) {
            throw new IOException("the index folder " + indexDir + " is the corpus folder itself; keep the index in a "
                    + "folder of its own (inside the corpus is fine, e.g. " + corpusDir.resolve(".kbindex") + ")");
        }
        Files.createDirectories(indexDir);
        try (Directory dir = FSDirectory.open(indexDir)) {
            IndexReport report = index(corpusDir, dir, indexDir, mode, progress, options);
            if (report.upToDate()) {
                VerifiedState.write(indexDir, SegmentInfos.readLatestCommit(dir).getGeneration(), report.fingerprint());
            }
            return report;
        } catch (IOException e) {
            throw IndexDamage.explain(indexDir, e);
        }
    }

    /** Indexes into any Lucene directory (tests pass one that fails writes); the caller keeps it open. */
    public IndexReport index(Path corpusDir, Directory dir, Mode mode) throws IOException {
        return index(corpusDir, dir, Path.of(dir.toString()), mode, IndexProgress.NONE, Options.DEFAULT);
    }

    private IndexReport index(Path corpusDir, Directory dir, Path indexLabel, Mode mode, IndexProgress progress,
            Options options) throws IOException {
        long start = System.nanoTime();
        // The run's one walk of the corpus: the fingerprint, the sizes progress needs and the files read come from it.
        CorpusFiles.Listing listing = CorpusFiles.list(corpusDir);
        Path root = listing.root();
        // Taken before reading, so a file changed during the run makes the index look stale and is picked up again.
        CorpusFingerprint.Snapshot snapshot = CorpusFingerprint.of(listing, false);
        String fingerprint = snapshot.digest();
        List<SkippedFile> configProblems = new ArrayList<>();
        String synonyms = readSynonyms(root, configProblems);
        boolean exists = DirectoryReader.indexExists(dir);
        Mode effective = exists ? mode : Mode.FULL;
        if (options.replaceCorpus() && effective != Mode.FULL) {
            throw new IllegalArgumentException("replacing the corpus needs a full rebuild");
        }
        // A full rebuild starts from an empty writer, so what the index held (and its vectors, to reuse) is read
        // first: for the report, and to give every article back the slug it had.
        IndexedArticle.Old old = exists && effective == Mode.FULL ? IndexedArticle.Old.openIfReadable(dir) : IndexedArticle.Old.NONE;
        DirectoryReader current = null;
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                .setCodec(new KbCodec())
                .setSimilarity(Ranking.similarity())
                .setOpenMode(effective == Mode.FULL ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(ramBufferMB)
                // A run commits once, at the end; no intermediate commit may become visible.
                .setCommitOnClose(false);
        try (old; IndexWriter writer = new IndexWriter(dir, config)) {
            try {
                Map<String, IndexedArticle> previous = old.articles();
                // Read under the writer's lock: no other process can commit between this read and our commit.
                Map<String, String> before = exists ? lastCommitDataIfReadable(dir) : Map.of();
                Optional<CorpusBinding> binding = CorpusBinding.of(before);
                if (binding.isPresent() && !binding.get().isCorpus(corpusDir) && !options.replaceCorpus()) {
                    throw new CorpusMismatchException(indexLabel, binding.get().corpus(), corpusDir);
                }
                if (effective == Mode.INCREMENTAL) {
                    // Read under the writer's lock, so no other process can commit between this read and our changes;
                    // kept open for the run as the cache of the vectors the last commit holds.
                    current = DirectoryReader.open(writer);
                    previous = IndexedArticle.all(current);
                }
                // Slugs stay with their files even when the index moves to another corpus on purpose (a corpus that
                // moved keeps its relative paths, so its ids).
                Map<String, SlugBook.Entry> kept = new HashMap<>();
                previous.forEach((slug, a) -> kept.put(slug, new SlugBook.Entry(a.source(), a.contentHash())));
                Map<String, SlugBook.Entry> retired = RetiredSlugs.fromCommit(before);
                Map<String, String> carried = new HashMap<>(ExpansionDictionary.commitData(Map.of(), ""));
                carried.put(Fields.COMMIT_CORPUS_PATH, root.toString());
                carried.put(Fields.COMMIT_CORPUS_GIVEN, corpusDir.toAbsolutePath().normalize().toString());
                carried.put(Fields.COMMIT_INDEX_ID, options.replaceCorpus() || !before.containsKey(Fields.COMMIT_INDEX_ID)
                        ? UUID.randomUUID().toString() : before.get(Fields.COMMIT_INDEX_ID));
                PassageVectors<IndexRun.Prepared> vectors = PassageVectors.forRun(options, before, carried,
                        VectorCache.of(current != null ? current : old.reader()));
                Redirects redirects = Redirects.fromCommit(before);
                IndexRun run = new IndexRun(writer, effective, previous, options, vectors,
                        new IndexProgress.Tracker(progress, snapshot.sizes()));
                CorpusScan scan = new ReadAhead<>(reader, listing, new SlugBook(kept, retired), run::prepare,
                        run::endOfRead, run::write).drain();
                return run.finish(scan, configProblems, synonyms, fingerprint, start,
                        new IndexRun.Commit(before, carried, redirects, retired));
            } catch (UncheckedIOException e) {
                CommitOrRollback.rollback(writer, e);
                throw e.getCause();
            } catch (IOException | RuntimeException | Error e) {
                CommitOrRollback.rollback(writer, e);
                throw e;
            } finally {
                if (current != null) {
                    current.close();
                }
            }
        }
    }

    /** The last commit's user data, or none when it cannot be read (a damaged index being rebuilt). */
    private static Map<String, String> lastCommitDataIfReadable(Directory dir) {
        try {
            return SegmentInfos.readLatestCommit(dir).getUserData();
        } catch (IOException | RuntimeException e) {
            return Map.of();
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
            SegmentInfos commit = SegmentInfos.readLatestCommit(dir);
            String now = CorpusFingerprint.of(corpusDir);
            return !now.equals(commit.getUserData().get(Fields.COMMIT_CORPUS_FINGERPRINT))
                    && !VerifiedState.says(indexDir, commit.getGeneration(), now);
        } catch (IOException e) {
            throw IndexDamage.explain(indexDir, e);
        }
    }
}
