package kb.live;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import kb.index.CorpusFingerprint;
import kb.index.Indexer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a corpus folder by polling its fingerprint ({@link CorpusFingerprint}: names, sizes, modification and
 * change times) and runs an incremental
 * update through the {@link Reindexer} once a change has held still for one polling interval, so a file being
 * copied in is read whole. Polling sees every file system, including network mounts where change events are lost.
 * A failed update is retried with a growing backoff until one succeeds, whatever the corpus does meanwhile; an update
 * held for consent (it would delete most of the index) is not retried until the corpus changes again.
 */
public final class CorpusWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    private final Path corpusDir;
    private final boolean content;
    private final Reindexer reindexer;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-corpus-watcher");
        t.setDaemon(true);
        return t;
    });
    private String indexed;
    private String lastSeen;
    /** The corpus state an update was held for (it would delete most of the index): no retry until it changes. */
    private String held;
    /** The last update failed: retry with backoff even once the corpus is back to the indexed state. */
    private boolean retry;
    /** The corpus folder could not be read at the last look: said once, not every second. */
    private boolean unreadable;
    private long backoffMillis;
    private long nextAttempt;

    /** {@code indexedFingerprint} is the corpus state the index already reflects. */
    public CorpusWatcher(Path corpusDir, Reindexer reindexer, Duration interval, String indexedFingerprint) {
        this(corpusDir, reindexer, interval, indexedFingerprint, false);
    }

    /** With {@code content}, each look also hashes every file's bytes ({@link CorpusFingerprint#of(Path, boolean)}). */
    public CorpusWatcher(Path corpusDir, Reindexer reindexer, Duration interval, String indexedFingerprint,
            boolean content) {
        this.content = content;
        this.corpusDir = corpusDir;
        this.reindexer = reindexer;
        this.interval = interval;
        this.indexed = indexedFingerprint;
        this.lastSeen = indexedFingerprint;
    }

    public CorpusWatcher start() {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look at the corpus; runs on the watcher thread only, so the fields need no locking. */
    void poll() {
        try {
            String now = CorpusFingerprint.of(corpusDir, content);
            if (unreadable) {
                unreadable = false;
                LOG.info("The corpus folder {} can be read again", corpusDir);
            }
            if (!now.equals(lastSeen)) {
                // Still changing: wait for one quiet interval before reading it.
                lastSeen = now;
                return;
            }
            boolean failedBefore = retry || reindexer.last().map(s -> s.outcome() == RebuildOutcome.FAILED).orElse(false);
            // After a hold, any other state is worth a look: even the indexed one (the missing files came back).
            boolean wasHeld = held != null;
            if ((now.equals(indexed) && !failedBefore && !wasHeld) || now.equals(held)
                    || System.currentTimeMillis() < nextAttempt) {
                return;
            }
            RebuildStatus status = reindexer.rebuild(Indexer.Mode.INCREMENTAL);
            if (status.outcome() == RebuildOutcome.FAILED) {
                // Try again later (the lock may be held by a `kb index` run), but do not hammer a broken disk.
                retry = true;
                backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(interval.toMillis(), backoffMillis * 2));
                nextAttempt = System.currentTimeMillis() + backoffMillis;
            } else if (status.outcome() == RebuildOutcome.HELD) {
                retry = false;
                held = now;
            } else {
                indexed = now;
                held = null;
                retry = false;
                backoffMillis = 0;
                nextAttempt = 0;
                if (status.added() + status.changed() + status.deleted() > 0) {
                    LOG.info("Corpus changed: {}", status.message());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!unreadable) {
                unreadable = true;
                LOG.warn("Cannot read the corpus folder {}: {}; serving the index as it is until it can be read again",
                        corpusDir, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
