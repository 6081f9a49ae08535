package kb.index;

import java.io.IOException;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;



import java.util.function.Consumer;
import kb.corpus.Abbreviations;
import kb.corpus.Article;
import kb.corpus.ArticleContent;
import kb.corpus.CorpusFiles;
import kb.corpus.CorpusReader;
import kb.corpus.CorpusScan;
import kb.corpus.Messages;
import kb.corpus.Passage;
import kb.corpus.PassageKind;
import kb.corpus.SkippedFile;
import kb.corpus.SlugBook;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Bits;

/**
 * Builds and updates the passage index from a corpus folder. A full rebuild writes every document; an incremental
 * update rewrites only the articles whose {@link ArticleHash} changed and deletes those gone from the corpus.
 * Either way the run ends in exactly one commit: until it lands, readers (and a restarted process) see the previous
 * index, and a run that fails is rolled back, so a failure or kill at any moment leaves the last good index intact.
 * Lucene's commit is the atomic switch; nothing is copied or renamed.
 */
public final class Indexer {
    /** Where articles come from: a {@link CorpusReader} in use; a slow or failing source in tests. */
    @FunctionalInterface
    public interface ArticleSource {
        /** Reads the corpus; {@code slugs} are the ids the index already gave, live and retired. */
        CorpusScan read(Path corpusDir, SlugBook slugs, Consumer<Article> sink) throws IOException;
    }

    /**
     * What a run may do beyond a plain update: delete most of the index ({@code allowDeletions}), or rebuild an
     * index from another corpus than the one it was built from ({@code replaceCorpus}, full rebuilds only).
     */
    public record Options(boolean allowDeletions, boolean replaceCorpus) {
        public static final Options DEFAULT = new Options(false, false);
    }

    /** How a run treats the existing index: start from nothing, or change only what changed. */
    public enum Mode {
        /** Start from an empty index (Lucene's OpenMode.CREATE); the old one stays current until the commit. */
        FULL,
        /** Re-index articles whose content hash changed, delete articles no longer in the corpus, keep the rest. */
        INCREMENTAL
    }

    private final ArticleSource reader;

    public Indexer(CorpusReader reader) {
        this(reader::read);
    }

    public Indexer(ArticleSource reader) {
        this.reader = reader;
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
        Path root = CorpusFiles.root(corpusDir);
        // Taken before reading, so a file changed during the run makes the index look stale and is picked up again.
        String fingerprint = CorpusFingerprint.of(root);
        List<SkippedFile> configProblems = new ArrayList<>();
        String synonyms = readSynonyms(root, configProblems);
        boolean exists = DirectoryReader.indexExists(dir);
        Mode effective = exists ? mode : Mode.FULL;
        if (options.replaceCorpus() && effective != Mode.FULL) {
            throw new IllegalArgumentException("replacing the corpus needs a full rebuild");
        }
        // A full rebuild starts from an empty writer, so what the index held is read first: for the report, and
        // to give every article back the slug it had.
        Map<String, Indexed> previous = exists && effective == Mode.FULL ? indexedIfReadable(dir) : Map.of();
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                .setSimilarity(Ranking.similarity())
                .setOpenMode(effective == Mode.FULL ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(64)
                // A run commits once, at the end; no intermediate commit may become visible.
                .setCommitOnClose(false);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            try {
                // Read under the writer's lock: no other process can commit between this read and our commit.
                Map<String, String> before = exists ? lastCommitDataIfReadable(dir) : Map.of();
                Optional<CorpusBinding> binding = CorpusBinding.of(before);
                if (binding.isPresent() && !binding.get().isCorpus(corpusDir) && !options.replaceCorpus()) {
                    throw new CorpusMismatchException(indexLabel, binding.get().corpus(), corpusDir);
                }
                if (effective == Mode.INCREMENTAL) {
                    // Read under the writer's lock, so no other process can commit between this read and our changes.
                    try (DirectoryReader current = DirectoryReader.open(writer)) {
                        previous = indexed(current);
                    }
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
                Redirects redirects = Redirects.fromCommit(before);
                Run run = new Run(writer, effective, previous, options, new IndexProgress.Tracker(progress, root));
                CorpusScan scan = new ReadAhead<>(reader, root, new SlugBook(kept, retired), run::prepare, run::write).drain();
                return run.finish(scan, configProblems, synonyms, fingerprint, start,
                        new Commit(before, carried, redirects, retired));
            } catch (UncheckedIOException e) {
                rollback(writer, e);
                throw e.getCause();
            } catch (IOException | RuntimeException | Error e) {
                rollback(writer, e);
                throw e;
            }
        }
    }

    /** An article as the index holds it: its content hashes (with and without names) and its source file. */
    record Indexed(String hash, String contentHash, String source) {}

    /** The last commit's data, and what this run carries into its own commit beside the dictionary. */
    private record Commit(Map<String, String> before, Map<String, String> carried, Redirects redirects,
            Map<String, SlugBook.Entry> retired) {}

    /** Commit data that says nothing about the index's content: a commit that would change only these is skipped. */
    private static final Set<String> PER_RUN_KEYS = Set.of(Fields.COMMIT_CORPUS_FINGERPRINT, Fields.COMMIT_BUILT_AT,
            Fields.COMMIT_RUN, Fields.COMMIT_CORPUS_GIVEN);

    /** One pass: what was written so far and what the index held before. */
    private static final class Run {
        final IndexWriter writer;
        final Mode mode;
        final Map<String, Indexed> previous;
        final Options options;
        /** Content hash -> slug of the articles new to the index, to recognise renamed files. */
        final Map<String, String> newcomers = new HashMap<>();
        final PassageDocuments documents = new PassageDocuments(PassageDocuments.facetsConfig());
        final Map<String, Integer> byKind = new TreeMap<>();
        final List<Abbreviations.Definition> definitions = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        final List<SkippedFile> unindexable = new ArrayList<>();
        int articles;
        int added;
        int changed;
        int unchanged;

        final IndexProgress.Tracker progress;

        Run(IndexWriter writer, Mode mode, Map<String, Indexed> previous, Options options,
                IndexProgress.Tracker progress) {
            this.writer = writer;
            this.mode = mode;
            this.previous = previous;
            this.options = options;
            this.progress = progress;
        }

        /**
         * What writing an article needs, worked out from the article alone: its hash, its documents (or why it
         * cannot be indexed) and the abbreviations it defines. Runs on the reading thread, ahead of the writer.
         */
        Prepared prepare(Article article) {
            String hash = ArticleHash.of(article);
            String content = ArticleContent.hash(article);
            List<Document> docs;
            try {
                docs = documentsOf(article, hash, content);
            } catch (IllegalArgumentException e) {
                // A value Lucene cannot hold (an immense id, a heading past the facet path limit) rules out this
                // article only; its file is reported and the update goes on.
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : Messages.firstLine(e.getMessage());
                return new Prepared(article, hash, content, null, List.of(), "cannot index article: "
                        + (why.length() > 200 ? why.substring(0, 200) + "…" : why));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Abbreviations.Definition> found = new ArrayList<>();
            for (Passage p : article.passages()) {
                if (p.kind() != PassageKind.REFERENCE) {
                    found.addAll(Abbreviations.find(p.text()));
                }
            }
            return new Prepared(article, hash, content, docs, found, null);
        }

        /** Writes a prepared article, in corpus order, on the thread that owns the writer. */
        void write(Prepared prepared) throws IOException {
            Article article = prepared.article();
            if (prepared.docs() == null) {
                unindexable.add(new SkippedFile(article.sourceFile(), prepared.problem()));
                return;
            }
            String hash = prepared.hash();
            Indexed indexed = previous.get(article.slug());
            String before = indexed == null ? null : indexed.hash();
            seen.add(article.slug());
            if (before == null) {
                added++;
                newcomers.putIfAbsent(prepared.contentHash(), article.slug());
            } else if (before.equals(hash)) {
                unchanged++;
            } else {
                changed++;
            }
            if (mode == Mode.FULL || before == null) {
                writer.addDocuments(prepared.docs());
            } else if (!before.equals(hash)) {
                // Delete and add in one step: no reader of this writer ever sees the article missing or doubled.
                writer.updateDocuments(new Term(Fields.ARTICLE, article.slug()), prepared.docs());
            }
            for (Passage p : article.passages()) {
                byKind.merge(p.kind().label(), 1, Integer::sum);
            }
            definitions.addAll(prepared.definitions());
            articles++;
            progress.article(article);
        }

        List<Document> documentsOf(Article article, String hash, String contentHash) throws IOException {
            List<Document> docs = new ArrayList<>(article.passages().size());
            for (Passage p : article.passages()) {
                docs.add(documents.toDocument(p, article.meta(), hash));
            }
            // Once per article: an article's passages are written and replaced as one block, first passage first.
            docs.get(0).add(new StoredField(Fields.CONTENT_HASH, contentHash));
            return docs;
        }

        IndexReport finish(CorpusScan scan, List<SkippedFile> configProblems, String synonyms, String fingerprint,
                long start, Commit commit) throws IOException {
            List<String> gone = new ArrayList<>();
            for (String slug : previous.keySet()) {
                if (!seen.contains(slug)) {
                    gone.add(slug);
                }
            }
            gone.sort(null);
            // A slug that left (now or before) and whose content came back under a new name redirects to it.
            Map<String, SlugBook.Entry> retired = new TreeMap<>(commit.retired());
            for (String slug : gone) {
                Indexed was = previous.get(slug);
                retired.put(slug, new SlugBook.Entry(was.source(), was.contentHash()));
            }
            retired.keySet().removeAll(seen);
            Map<String, String> renamed = new HashMap<>();
            retired.forEach((slug, entry) -> {
                String moved = entry.content().isEmpty() ? null : newcomers.get(entry.content());
                if (moved != null) {
                    renamed.put(slug, moved);
                }
            });
            // A moved folder is not a deletion: only articles whose content went nowhere count as missing.
            long missing = gone.stream().filter(slug -> !renamed.containsKey(slug)).count();
            if (articles > 0 && !options.allowDeletions() && !options.replaceCorpus()
                    && MassDeletionException.needsConsent((int) missing, previous.size())) {
                throw new MassDeletionException((int) missing, previous.size());
            }
            if (mode == Mode.INCREMENTAL) {
                for (String slug : gone) {
                    writer.deleteDocuments(new Term(Fields.ARTICLE, slug));
                }
            }
            Map<String, String> abbreviations = Abbreviations.mostFrequent(definitions);
            // The dictionary is recomputed over every article read, changed or not: abbreviations need all text.
            Map<String, String> commitData = new HashMap<>(commit.carried());
            commitData.putAll(ExpansionDictionary.commitData(abbreviations, synonyms));
            commitData.put(Fields.COMMIT_REDIRECTS, commit.redirects().with(renamed, seen).toJson());
            commitData.put(Fields.COMMIT_RETIRED_SLUGS, RetiredSlugs.toJson(retired));
            boolean nothingChanged = mode == Mode.INCREMENTAL && added == 0 && changed == 0 && gone.isEmpty()
                    && withoutPerRunKeys(commitData).equals(withoutPerRunKeys(commit.before()));
            boolean committed = articles > 0 && !nothingChanged;
            if (committed) {
                commitData.put(Fields.COMMIT_CORPUS_FINGERPRINT, fingerprint);
                commitData.put(Fields.COMMIT_BUILT_AT, Instant.now().toString());
                commitData.put(Fields.COMMIT_RUN, UUID.randomUUID().toString());
                writer.setLiveCommitData(commitData.entrySet());
                commit(writer, commitData.get(Fields.COMMIT_RUN));
            } else {
                // Nothing to write, or nothing worth a new generation: searchers and their caches stay as they are.
                writer.rollback();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<SkippedFile> skipped = new ArrayList<>(configProblems);
            skipped.addAll(scan.skipped());
            skipped.addAll(unindexable);
            return new IndexReport(scan.filesRead(), articles, byKind, skipped, scan.bytesRead(), millis, committed,
                    abbreviations.size(), mode, new IndexReport.Changes(added, changed, gone.size(), unchanged),
                    nothingChanged && articles > 0, scan.chromeDropped(), fingerprint);
        }
    }

    private static Map<String, String> withoutPerRunKeys(Map<String, String> commitData) {
        Map<String, String> kept = new HashMap<>(commitData);
        kept.keySet().removeAll(PER_RUN_KEYS);
        return kept;
    }

    /** An article made ready for the writer; {@code docs} is null when it cannot be indexed, and {@code problem} says why. */
    private record Prepared(Article article, String hash, String contentHash, List<Document> docs,
            List<Abbreviations.Definition> definitions, String problem) {}

    /**
     * Commits, and says the run failed only if its commit did not land. Lucene can throw from {@code commit()} after
     * the commit is durable: it starts merges once the commit is written, and a merge that failed on another thread
     * may have closed the writer by then. Such a run did update the index, and is reported as done.
     */
    private static void commit(IndexWriter writer, String run) throws IOException {
        try {
            writer.commit();
        } catch (IOException | RuntimeException e) {
            if (!committedBy(writer.getDirectory(), run)) {
                throw e;
            }
        }
    }

    private static boolean committedBy(Directory dir, String run) {
        try {
            return run.equals(SegmentInfos.readLatestCommit(dir).getUserData().get(Fields.COMMIT_RUN));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Rolls back to the last commit and removes what the failed run wrote; a second failure while doing so is kept
     * with the first, not thrown over it.
     */
    private static void rollback(IndexWriter writer, Throwable cause) {
        Directory dir = writer.getDirectory();
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        removeLeftovers(dir, cause);
    }

    /**
     * A writer that failed on a full disk leaves the files it was writing (the flush that hit the limit), so the disk
     * would stay full. Opening a writer on the last commit makes Lucene's file deleter remove every file no commit
     * references; it takes the index lock, so it never touches the files of another process's running update.
     */
    private static void removeLeftovers(Directory dir, Throwable cause) {
        try {
            if (DirectoryReader.indexExists(dir)) {
                IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                        .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setCommitOnClose(false);
                try (IndexWriter cleaner = new IndexWriter(dir, config)) {
                    cleaner.rollback();
                }
            } else {
                // No commit at all: every index file here is the failed first build's. The write lock keeps a first
                // build another process may have started meanwhile out of reach.
                try (org.apache.lucene.store.Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                    if (!DirectoryReader.indexExists(dir)) {
                        for (String file : dir.listAll()) {
                            if (IndexFileNames.CODEC_FILE_PATTERN.matcher(file).matches()
                                    || file.startsWith(IndexFileNames.PENDING_SEGMENTS)) {
                                dir.deleteFile(file);
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * What the old index holds, for a full rebuild, or nothing when it cannot be read: `--full` is how a damaged
     * index is replaced, so a damaged index must not stop it.
     */
    private static Map<String, Indexed> indexedIfReadable(Directory dir) {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            return indexed(reader);
        } catch (IOException | RuntimeException e) {
            return Map.of();
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

    /**
     * A walk over the article terms: the first live passage of each article gives its stored hashes and source.
     * An index built before hashes were stored gives "" for them, so each article reads as changed and is rewritten.
     */
    static Map<String, Indexed> indexed(DirectoryReader reader) throws IOException {
        Map<String, Indexed> articles = new HashMap<>();
        Set<String> wanted = Set.of(Fields.ARTICLE_HASH, Fields.CONTENT_HASH, Fields.SOURCE);
        for (LeafReaderContext ctx : reader.leaves()) {
            LeafReader leaf = ctx.reader();
            Terms terms = leaf.terms(Fields.ARTICLE);
            if (terms == null) {
                continue;
            }
            Bits live = leaf.getLiveDocs();
            StoredFields stored = leaf.storedFields();
            TermsEnum te = terms.iterator();
            PostingsEnum postings = null;
            for (BytesRef term = te.next(); term != null; term = te.next()) {
                postings = te.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        Document d = stored.document(doc, wanted);
                        articles.put(term.utf8ToString(), new Indexed(orEmpty(d.get(Fields.ARTICLE_HASH)),
                                orEmpty(d.get(Fields.CONTENT_HASH)), orEmpty(d.get(Fields.SOURCE))));
                        break;
                    }
                }
            }
        }
        return articles;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
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
