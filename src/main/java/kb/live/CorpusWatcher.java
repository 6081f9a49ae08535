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
 * Watches a corpus folder by polling its fingerprint (names, sizes, modification times) and runs an incremental
 * update through the {@link Reindexer} once a change has held still for one polling interval, so a file being
 * copied in is read whole. Polling sees every file system, including network mounts where change events are lost.
 */
public final class CorpusWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);
    private static final long MAX_BACKOFF_MILLIS = 60_000;

    private final Path corpusDir;
    private final Reindexer reindexer;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kb-corpus-watcher");
        t.setDaemon(true);
        return t;
    });
    private String indexed;
    private String lastSeen;
    private long backoffMillis;
    private long nextAttempt;

    /** {@code indexedFingerprint} is the corpus state the index already reflects. */
    public CorpusWatcher(Path corpusDir, Reindexer reindexer, Duration interval, String indexedFingerprint) {
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
            String now = CorpusFingerprint.of(corpusDir);
            if (!now.equals(lastSeen)) {
                // Still changing: wait for one quiet interval before reading it.
                lastSeen = now;
                return;
            }
            if (now.equals(indexed) || System.currentTimeMillis() < nextAttempt) {
                return;
            }
            RebuildStatus status = reindexer.rebuild(Indexer.Mode.INCREMENTAL);
            if (status.outcome().equals(RebuildStatus.FAILED)) {
                // Try again later (the lock may be held by a `kb index` run), but do not hammer a broken disk.
                backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(interval.toMillis(), backoffMillis * 2));
                nextAttempt = System.currentTimeMillis() + backoffMillis;
            } else {
                indexed = now;
                backoffMillis = 0;
                nextAttempt = 0;
                LOG.info("Corpus changed: {}", status.message());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot read the corpus folder {}: {}", corpusDir, e.getMessage());
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
