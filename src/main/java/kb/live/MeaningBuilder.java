package kb.live;

import java.io.IOException;
import kb.corpus.Messages;
import kb.index.IndexReport;
import kb.index.Indexer;
import kb.index.MassDeletionException;
import kb.index.MeaningSwitch;
import kb.meaning.Embedder;
import kb.search.IndexState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds meaning vectors to a served index in the background, so nobody waits for them: budgeted incremental updates
 * through the {@link Reindexer} (one update at a time; watcher and admin updates take their turn between runs), each
 * committing and refreshing the searchers, until every passage has a vector. Then it sleeps until an update commits
 * (new text lacks vectors) and goes on. Rule: a run embeds at most {@code budget} texts; a failed run is retried
 * after a growing pause, a held one (most of the corpus missing) when the next update lands. Where meaning is off or
 * unavailable an idle builder only answers {@link #status}.
 */
public final class MeaningBuilder implements AutoCloseable {
    /** Texts per run: some 25 s of embedding on two cores, so other updates wait at most that long. */
    public static final int RUN_BUDGET = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(MeaningBuilder.class);
    private static final long MAX_PAUSE_MILLIS = 60_000;

    private final Reindexer reindexer;
    private final Indexer.Options options;
    /** {@link MeaningStatus#OFF} or {@link MeaningStatus#UNAVAILABLE} for an idle builder, null for a working one. */
    private final String idleState;
    private final String idleMessage;
    private final Thread thread;
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean closed;
    /** Why the last run did not finish, or null. */
    private volatile String problem;

    private MeaningBuilder(Reindexer reindexer, Indexer.Options options, String idleState, String idleMessage) {
        this.reindexer = reindexer;
        this.options = options;
        this.idleState = idleState;
        this.idleMessage = idleMessage;
        this.thread = idleState != null ? null : new Thread(this::loop, "kb-meaning-builder");
        if (thread != null) {
            thread.setDaemon(true);
        }
    }

    /** A builder that builds nothing: meaning is off ({@code message} says why) for this process. */
    public static MeaningBuilder off(String message) {
        return new MeaningBuilder(null, null, MeaningStatus.OFF, message);
    }

    /** A builder that builds nothing: the model cannot run here; {@code message} is the one line that says so. */
    public static MeaningBuilder unavailable(String message) {
        return new MeaningBuilder(null, null, MeaningStatus.UNAVAILABLE, message);
    }

    /**
     * Starts adding vectors with {@code embedder}, {@code budget} texts per run, each run recording {@code setting};
     * registers with {@code reindexer}, which wakes the builder after every update it commits.
     */
    public static MeaningBuilder start(Reindexer reindexer, Embedder embedder, int budget, MeaningSwitch setting) {
        MeaningBuilder builder = new MeaningBuilder(reindexer,
                Indexer.Options.DEFAULT.withEmbedder(embedder, budget).withMeaning(setting), null, null);
        reindexer.meaning(builder);
        builder.thread.start();
        return builder;
    }

    /** Search by meaning for the served generation {@code index}. */
    public MeaningStatus status(IndexState index) {
        if (idleState != null) {
            return new MeaningStatus(idleState, index.passages(), index.withMeaning(), idleMessage);
        }
        String message = MeaningStatus.counts(index);
        String why = problem;
        if (index.meaningOn()) {
            return new MeaningStatus(MeaningStatus.DONE, index.passages(), index.withMeaning(), message);
        }
        return new MeaningStatus(MeaningStatus.BUILDING, index.passages(), index.withMeaning(),
                why == null ? message : message + "; " + why);
    }

    /** Another run is worth it: an update committed new text. */
    void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    /** True while the background thread runs. */
    public boolean working() {
        return thread != null && thread.isAlive();
    }

    private void loop() {
        long pause = 0;
        while (!closed) {
            boolean more;
            try {
                IndexReport report = reindexer.meaningRun(options);
                problem = null;
                pause = 0;
                int passages = report.passages();
                boolean complete = passages > 0 && report.meaning().withMeaning() == passages;
                // Nothing embedded and nothing written: nothing more this budget can do until the corpus changes.
                more = !complete && (report.meaning().embedded() > 0 || report.committed());
            } catch (InterruptedException e) {
                return;
            } catch (MassDeletionException e) {
                problem = "waiting: " + e.getMessage();
                more = false;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                LOG.warn("Adding meaning vectors failed; trying again later", e);
                problem = "the last run failed: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : Messages.firstLine(e.getMessage()));
                pause = Math.min(MAX_PAUSE_MILLIS, Math.max(1_000, pause * 2));
                if (!sleep(pause)) {
                    return;
                }
                continue;
            }
            if (!more && !awaitWake()) {
                return;
            }
        }
    }

    /** Waits for {@link #wake}; false once closed. */
    private boolean awaitWake() {
        synchronized (signal) {
            try {
                while (!woken && !closed) {
                    signal.wait();
                }
            } catch (InterruptedException e) {
                return false;
            }
            woken = false;
            return !closed;
        }
    }

    private boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Stops the background thread, abandoning (rolling back) a run in progress. */
    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            wake();
            thread.interrupt();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
