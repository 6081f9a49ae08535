package kb.live;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import kb.index.IndexProgress;
import kb.index.IndexReport;
import kb.index.Indexer;
import kb.index.MassDeletionException;
import kb.search.IndexState;
import kb.search.SearchEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs index updates for a serving process, one at a time: the corpus watcher and the admin endpoint both come
 * here, so two writers never race. After a successful commit it refreshes the search service; searches in flight
 * keep the searcher they started with, so each sees one whole commit. A failed update is rolled back by the
 * {@link Indexer} and recorded here; the last good index keeps serving. The {@link MeaningBuilder}'s runs come here
 * too, and take turns with the others (first come, first served): an update asked for while one of its runs is
 * going waits for it instead of being refused, and its runs are not recorded as the last update.
 */
public final class Reindexer {
    private static final Logger LOG = LoggerFactory.getLogger(Reindexer.class);

    private final Indexer indexer;
    private final Path corpusDir;
    private final Path indexDir;
    private final SearchEngine search;
    /** One permit: whoever holds it is the one update running. A semaphore, so a background thread can hold it. */
    private final Semaphore permit = new Semaphore(1, true);
    private volatile RebuildStatus last;
    /** True while the permit is held by a run of the meaning builder. */
    private volatile boolean meaningRunning;
    private volatile MeaningBuilder meaning;

    public Reindexer(Indexer indexer, Path corpusDir, Path indexDir, SearchEngine search) {
        this.indexer = indexer;
        this.corpusDir = corpusDir;
        this.indexDir = indexDir;
        this.search = search;
    }

    /** Runs an update, waiting for one already running to finish first; never deletes most of the index. */
    public RebuildStatus rebuild(Indexer.Mode mode) {
        permit.acquireUninterruptibly();
        try {
            return run(mode, false);
        } finally {
            permit.release();
        }
    }

    /**
     * Runs an update unless one is already running; empty when busy (the admin endpoint answers 409 then). Only with
     * {@code allowDeletions} may it delete more than half of the index.
     */
    public Optional<RebuildStatus> tryRebuild(Indexer.Mode mode, boolean allowDeletions) {
        if (!permit.tryAcquire()) {
            if (!meaningRunning) {
                return Optional.empty();
            }
            permit.acquireUninterruptibly(); // a meaning run is bounded by its budget: wait for it
        }
        try {
            return Optional.of(run(mode, allowDeletions));
        } finally {
            permit.release();
        }
    }

    public Optional<RebuildStatus> tryRebuild(Indexer.Mode mode) {
        return tryRebuild(mode, false);
    }

    public boolean tryStart(Indexer.Mode mode) {
        return tryStart(mode, false);
    }

    /**
     * Starts an update on a background thread unless one is already running; false when busy. Its outcome shows in
     * {@link #last()} when done.
     */
    public boolean tryStart(Indexer.Mode mode, boolean allowDeletions) {
        boolean acquired = permit.tryAcquire();
        if (!acquired && !meaningRunning) {
            return false;
        }
        try {
            Thread worker = new Thread(() -> {
                if (!acquired) {
                    permit.acquireUninterruptibly(); // behind the meaning run going on
                }
                try {
                    run(mode, allowDeletions);
                } finally {
                    permit.release();
                }
            }, "kb-reindex");
            worker.setDaemon(true);
            worker.start();
            return true;
        } catch (RuntimeException | Error e) {
            if (acquired) {
                permit.release();
            }
            throw e;
        }
    }

    /** True while an update is running (a run of the meaning builder does not count: /health shows it apart). */
    public boolean running() {
        return permit.availablePermits() == 0 && !meaningRunning;
    }

    /** The builder adding vectors for this index: woken after every update that commits, asked for the status. */
    public void meaning(MeaningBuilder builder) {
        this.meaning = builder;
    }

    /** Search by meaning for the served generation {@code index}, as {@code GET /health} reports it. */
    public MeaningStatus meaningStatus(IndexState index) {
        MeaningBuilder builder = meaning;
        return builder == null ? MeaningStatus.of(index) : builder.status(index);
    }

    /**
     * One run of the meaning builder: an incremental update with {@code options} (an embedder and a budget), in
     * turn with other updates; refreshes the searchers when it commits. Not recorded as {@link #last()}.
     */
    IndexReport meaningRun(Indexer.Options options) throws IOException, InterruptedException {
        permit.acquire();
        meaningRunning = true;
        try {
            IndexReport report = indexer.index(corpusDir, indexDir, Indexer.Mode.INCREMENTAL, IndexProgress.NONE, options);
            if (report.committed()) {
                search.refresh();
            }
            return report;
        } finally {
            meaningRunning = false;
            permit.release();
        }
    }

    /** The last update's outcome, if this process ran one. */
    public Optional<RebuildStatus> last() {
        return Optional.ofNullable(last);
    }

    /** Records an update that ran before this service existed (the one {@code kb serve} runs at startup). */
    public void record(RebuildStatus status) {
        last = status;
    }

    private RebuildStatus run(Indexer.Mode mode, boolean allowDeletions) {
        Instant started = Instant.now();
        RebuildStatus status;
        try {
            IndexReport report = indexer.index(corpusDir, indexDir, mode, IndexProgress.NONE,
                    new Indexer.Options(allowDeletions, false));
            status = of(report, started);
            MeaningBuilder builder = meaning;
            if (builder != null && report.committed()) {
                builder.wake(); // new or changed text may lack vectors
            }
            // Also when nothing changed: another process (a `kb index` run) may have committed since the last look.
            if (report.committed() || report.upToDate()) {
                try {
                    search.refresh();
                } catch (IOException | RuntimeException e) {
                    // The commit stands (a restart serves it); only this process's searchers are behind.
                    LOG.warn("Index updated, but the searchers could not be refreshed", e);
                    status = new RebuildStatus(status.startedAt(), Instant.now().toString(), RebuildOutcome.FAILED,
                            "The index was updated, but searches still see the previous version: " + e.getMessage(),
                            status.mode(), status.added(), status.changed(), status.deleted(), status.unchanged(),
                            status.passages(), status.skipped());
                }
            }
        } catch (MassDeletionException e) {
            LOG.warn("Index update held: {}", e.getMessage());
            status = held(mode, started, e);
        } catch (IOException | RuntimeException | Error e) {
            // Errors too (out of memory on a huge file): the update is rolled back, and the status must say so.
            LOG.warn("Index update failed; the previous index keeps serving", e);
            status = failed(mode, started, e);
        }
        last = status;
        return status;
    }

    /** The status of a finished update, from its report. */
    public static RebuildStatus of(IndexReport report, Instant started) {
        IndexReport.Changes c = report.changes();
        String summary = report.summary();
        int firstLine = summary.indexOf('\n');
        return new RebuildStatus(started.toString(), Instant.now().toString(),
                report.committed() || report.upToDate() ? RebuildOutcome.OK : RebuildOutcome.NOTHING_INDEXED,
                report.upToDate() ? "Nothing changed; the index is up to date."
                        : report.committed() ? (firstLine < 0 ? summary : summary.substring(0, firstLine))
                        : "Nothing could be indexed; the previous index is unchanged.",
                modeName(report.mode()), c.added(), c.changed(), c.deleted(), c.unchanged(), report.passages(),
                report.skipped().size());
    }

    /** The status of an update held back because it would delete most of the index. */
    public static RebuildStatus held(Indexer.Mode mode, Instant started, MassDeletionException e) {
        return new RebuildStatus(started.toString(), Instant.now().toString(), RebuildOutcome.HELD,
                e.getMessage() + "; the index keeps serving as it was. Restore the missing files, or confirm the "
                        + "deletions with POST /admin/reindex?allowDeletions=true or kb index --allow-deletions.",
                modeName(mode), 0, 0, 0, 0, 0, 0);
    }

    /** The status of an update that threw: nothing changed, the message says why. */
    public static RebuildStatus failed(Indexer.Mode mode, Instant started, Throwable e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : kb.corpus.Messages.firstLine(e.getMessage());
        return new RebuildStatus(started.toString(), Instant.now().toString(), RebuildOutcome.FAILED,
                "The update failed and was rolled back; the previous index keeps serving. " + why, modeName(mode),
                0, 0, 0, 0, 0, 0);
    }

    private static String modeName(Indexer.Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
