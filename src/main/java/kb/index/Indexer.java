package kb.index;

import java.io.IOException;
import java.io.InterruptedIOException;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import kb.corpus.Abbreviations;
import kb.corpus.Article;
import kb.corpus.CorpusReader;
import kb.corpus.CorpusScan;
import kb.corpus.Passage;
import kb.corpus.PassageKind;
import kb.corpus.SkippedFile;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
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
        CorpusScan read(Path corpusDir, Consumer<Article> sink) throws IOException;
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
        requireDirectory(corpusDir);
        Files.createDirectories(indexDir);
        try (Directory dir = FSDirectory.open(indexDir)) {
            return index(corpusDir, dir, mode, progress);
        } catch (IOException e) {
            throw IndexDamage.explain(indexDir, e);
        }
    }

    /** Indexes into any Lucene directory (tests pass one that fails writes); the caller keeps it open. */
    public IndexReport index(Path corpusDir, Directory dir, Mode mode) throws IOException {
        return index(corpusDir, dir, mode, IndexProgress.NONE);
    }

    private IndexReport index(Path corpusDir, Directory dir, Mode mode, IndexProgress progress) throws IOException {
        long start = System.nanoTime();
        // Taken before reading, so a file changed during the run makes the index look stale and is picked up again.
        String fingerprint = CorpusFingerprint.of(requireDirectory(corpusDir));
        List<SkippedFile> configProblems = new ArrayList<>();
        String synonyms = readSynonyms(corpusDir, configProblems);
        boolean exists = DirectoryReader.indexExists(dir);
        Mode effective = exists ? mode : Mode.FULL;
        // A full rebuild starts from an empty writer, so what the index held is read first, for the report only.
        Map<String, String> previous = exists && effective == Mode.FULL ? articleHashesIfReadable(dir) : Map.of();
        IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                .setSimilarity(Ranking.similarity())
                .setOpenMode(effective == Mode.FULL ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(64)
                // A run commits once, at the end; no intermediate commit may become visible.
                .setCommitOnClose(false);
        try (IndexWriter writer = new IndexWriter(dir, config)) {
            try {
                if (effective == Mode.INCREMENTAL) {
                    // Read under the writer's lock, so no other process can commit between this read and our changes.
                    try (DirectoryReader current = DirectoryReader.open(writer)) {
                        previous = articleHashes(current);
                    }
                }
                Run run = new Run(writer, effective, previous, new IndexProgress.Tracker(progress, corpusDir));
                CorpusScan scan = new ReadAhead(reader, corpusDir, run).drain();
                return run.finish(scan, configProblems, synonyms, fingerprint, start);
            } catch (UncheckedIOException e) {
                rollback(writer, e);
                throw e.getCause();
            } catch (IOException | RuntimeException | Error e) {
                rollback(writer, e);
                throw e;
            }
        }
    }

    /** One pass: what was written so far and what the index held before. */
    private static final class Run {
        final IndexWriter writer;
        final Mode mode;
        final Map<String, String> previous;
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

        Run(IndexWriter writer, Mode mode, Map<String, String> previous, IndexProgress.Tracker progress) {
            this.writer = writer;
            this.mode = mode;
            this.previous = previous;
            this.progress = progress;
        }

        /**
         * What writing an article needs, worked out from the article alone: its hash, its documents (or why it
         * cannot be indexed) and the abbreviations it defines. Runs on the reading thread, ahead of the writer.
         */
        Prepared prepare(Article article) {
            String hash = ArticleHash.of(article);
            List<Document> docs;
            try {
                docs = documentsOf(article, hash);
            } catch (IllegalArgumentException e) {
                // A value Lucene cannot hold (an immense id, a heading past the facet path limit) rules out this
                // article only; its file is reported and the update goes on.
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
                return new Prepared(article, hash, null, List.of(), "cannot index article: "
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
            return new Prepared(article, hash, docs, found, null);
        }

        /** Writes a prepared article, in corpus order, on the thread that owns the writer. */
        void write(Prepared prepared) throws IOException {
            Article article = prepared.article();
            if (prepared.docs() == null) {
                unindexable.add(new SkippedFile(article.sourceFile(), prepared.problem()));
                return;
            }
            String hash = prepared.hash();
            String before = previous.get(article.slug());
            seen.add(article.slug());
            if (before == null) {
                added++;
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

        List<Document> documentsOf(Article article, String hash) throws IOException {
            List<Document> docs = new ArrayList<>(article.passages().size());
            for (Passage p : article.passages()) {
                docs.add(documents.toDocument(p, article.meta().url(), hash));
            }
            return docs;
        }

        IndexReport finish(CorpusScan scan, List<SkippedFile> configProblems, String synonyms, String fingerprint,
                long start) throws IOException {
            int deleted = 0;
            for (String slug : previous.keySet()) {
                if (!seen.contains(slug)) {
                    if (mode == Mode.INCREMENTAL) {
                        writer.deleteDocuments(new Term(Fields.ARTICLE, slug));
                    }
                    deleted++;
                }
            }
            boolean committed = articles > 0;
            Map<String, String> abbreviations = Abbreviations.mostFrequent(definitions);
            if (committed) {
                // The dictionary is recomputed over every article read, changed or not: abbreviations need all text.
                Map<String, String> commitData = new HashMap<>(ExpansionDictionary.commitData(abbreviations, synonyms));
                commitData.put(Fields.COMMIT_CORPUS_FINGERPRINT, fingerprint);
                commitData.put(Fields.COMMIT_BUILT_AT, Instant.now().toString());
                commitData.put(Fields.COMMIT_RUN, UUID.randomUUID().toString());
                writer.setLiveCommitData(commitData.entrySet());
                commit(writer, commitData.get(Fields.COMMIT_RUN));
            } else {
                writer.rollback();
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            List<SkippedFile> skipped = new ArrayList<>(configProblems);
            skipped.addAll(scan.skipped());
            skipped.addAll(unindexable);
            return new IndexReport(scan.filesRead(), articles, byKind, skipped, scan.bytesRead(), millis, committed,
                    abbreviations.size(), mode, new IndexReport.Changes(added, changed, deleted, unchanged));
        }
    }

    /** An article made ready for the writer; {@code docs} is null when it cannot be indexed, and {@code problem} says why. */
    private record Prepared(Article article, String hash, List<Document> docs,
            List<Abbreviations.Definition> definitions, String problem) {}

    /**
     * Reads and prepares articles on a thread of its own while the calling thread writes them, in corpus order
     * (so documents get the same ids, and ties the same order, as a one-thread run). Reading and parsing the
     * corpus is about a third of indexing; this overlaps it with the analysis the writer does. The queue holds
     * at most {@value #QUEUE} prepared articles, so memory stays bounded. A failure on either side stops both (the
     * reader at its next article), and the reader's failure is thrown on the calling thread as it was thrown.
     */
    private static final class ReadAhead {
        private static final int QUEUE = 32;
        /** Ends the queue: the scan, or the reader's failure. */
        private record End(CorpusScan scan, Throwable failure) {}

        /** Unwinds the reader when the writer side has stopped listening. */
        private static final class Cancelled extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Cancelled() {
                super(null, null, false, false);
            }
        }

        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
        private final Run run;
        private final Thread thread;
        private volatile boolean cancelled;

        ReadAhead(ArticleSource source, Path corpusDir, Run run) {
            this.run = run;
            this.thread = new Thread(() -> {
                End end;
                try {
                    end = new End(source.read(corpusDir, article -> {
                        if (cancelled) {
                            throw new Cancelled();
                        }
                        put(run.prepare(article));
                    }), null);
                } catch (Cancelled e) {
                    if (cancelled) {
                        return; // the writer side failed first and no longer listens
                    }
                    end = new End(null, new InterruptedIOException("reading the corpus was interrupted"));
                } catch (Throwable t) {
                    end = new End(null, t);
                }
                deliver(end);
            }, "kb-index-reader");
            thread.setDaemon(true);
        }

        /** Hands a prepared article to the writer, waiting while the queue is full; unwinds once cancelled. */
        private void put(Prepared item) {
            try {
                while (!cancelled) {
                    if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new Cancelled();
        }

        /** Hands over the end of the read, whatever interrupts the reader gets, unless the writer has stopped. */
        private void deliver(End end) {
            boolean interrupted = false;
            while (!cancelled) {
                try {
                    if (queue.offer(end, 100, TimeUnit.MILLISECONDS)) {
                        break;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Writes every article the reader hands over; returns the reader's scan once it has read everything. */
        CorpusScan drain() throws IOException {
            thread.start();
            boolean done = false;
            try {
                while (true) {
                    Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (item == null) {
                        if (!thread.isAlive() && queue.isEmpty()) {
                            // Cannot happen by design (the reader always ends with an End); never wait forever.
                            throw new IllegalStateException("the corpus reader stopped without saying why");
                        }
                        continue;
                    }
                    if (item instanceof End end) {
                        done = true;
                        if (end.failure() != null) {
                            throw rethrow(end.failure());
                        }
                        return end.scan();
                    }
                    run.write((Prepared) item);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("indexing was interrupted");
            } finally {
                if (!done) {
                    cancelled = true;
                    queue.clear();
                }
                joinUninterruptibly(thread);
            }
        }

        /** The reader's failure, thrown as it was: IOException, unchecked exception or error. */
        private static IOException rethrow(Throwable failure) throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException re) {
                throw re;
            }
            if (failure instanceof Error err) {
                throw err;
            }
            throw new IOException(failure);
        }

        /** The reader must have stopped before the writer is committed or rolled back. */
        private static void joinUninterruptibly(Thread t) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

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

    /** Rolls back to the last commit; a second failure while doing so is kept with the first, not thrown over it. */
    private static void rollback(IndexWriter writer, Throwable cause) {
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * The hashes for a full rebuild's report, or none when the old index cannot be read: `--full` is how a damaged
     * index is replaced, so a damaged index must not stop it.
     */
    private static Map<String, String> articleHashesIfReadable(Directory dir) {
        try {
            return articleHashes(dir);
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** Each article slug in the last commit of {@code dir} and the content hash stored with its passages. */
    static Map<String, String> articleHashes(Directory dir) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(dir)) {
            return articleHashes(reader);
        }
    }

    /**
     * A walk over the article terms: one live passage per article gives its stored hash. An index built before
     * hashes were stored gives "" for every article, so each one reads as changed and is rewritten once.
     */
    static Map<String, String> articleHashes(DirectoryReader reader) throws IOException {
        Map<String, String> hashes = new HashMap<>();
        Set<String> wanted = Set.of(Fields.ARTICLE_HASH);
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
                        String hash = stored.document(doc, wanted).get(Fields.ARTICLE_HASH);
                        hashes.put(term.utf8ToString(), hash == null ? "" : hash);
                        break;
                    }
                }
            }
        }
        return hashes;
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
        } catch (IOException e) {
            throw IndexDamage.explain(indexDir, e);
        }
    }

    private static Path requireDirectory(Path corpusDir) throws IOException {
        if (!Files.isDirectory(corpusDir)) {
            throw new IOException("corpus folder " + corpusDir + " does not exist or is not a folder");
        }
        return corpusDir;
    }
}
