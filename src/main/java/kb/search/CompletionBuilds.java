package kb.search;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds each index generation's completions on one background thread, never in a request: builds run in
 * generation order, a generation superseded before its turn is skipped, and a failed build leaves the previous
 * completions answering. Closing interrupts a build and waits for it to let go of its reader.
 */
final class CompletionBuilds implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CompletionBuilds.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kb-completions");
        t.setDaemon(true);
        return t;
    });
    private final Runnable beforeEach;
    private final Supplier<Generation> latest;

    /** {@code beforeEach} runs on the build thread before each build (tests); {@code latest} is the newest generation. */
    CompletionBuilds(Runnable beforeEach, Supplier<Generation> latest) {
        this.beforeEach = beforeEach;
        this.latest = latest;
    }

    void submit(Generation gen) {
        thread.execute(() -> build(gen));
    }

    private void build(Generation gen) {
        // A newer generation was opened meanwhile: its own build is queued behind this one, so skip the work.
        if (gen != latest.get() || !gen.reader.tryIncRef()) {
            return;
        }
        try {
            beforeEach.run();
            gen.buildCompletions();
        } catch (IOException | RuntimeException e) {
            // A command that never autocompletes closes without waiting for the build: not a failure.
            if (!thread.isShutdown()) {
                LOG.warn("Could not build completions for the index generation", e);
            }
        } finally {
            try {
                gen.reader.decRef();
            } catch (IOException e) {
                LOG.warn("Could not release the index reader", e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            // A build holds a reference to its reader; let it finish before the directory under it closes.
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
