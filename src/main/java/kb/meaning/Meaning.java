package kb.meaning;

import java.util.Optional;

/**
 * Whether search by meaning is available, and the {@link Embedder} when it is. Rule: loading never prints and
 * never throws for what the machine lacks (only a thread count below 1 is refused): on an unsupported platform,
 * when the model cannot load, or when switched off with {@code -Dkb.meaning.unavailable=true}, the result is empty
 * and {@link #message()} is one plain line naming the platform ("search by meaning is not available on
 * linux-riscv64; kb serves lexical search"), never a stack trace.
 */
public final class Meaning {
    /** Set to {@code true} to switch search by meaning off (tests, or a machine that should not spend the memory). */
    public static final String UNAVAILABLE_PROPERTY = "kb.meaning.unavailable";
    /** The model every embedder of {@link #load} runs, as {@link Embedder#modelId} names it; known without loading it. */
    public static final String MODEL_ID = MiniLmModel.MODEL_ID;
    /** The length of its vectors ({@link Embedder#dimensions}). */
    public static final int DIMENSIONS = MiniLmModel.DIMENSIONS;

    private final Embedder embedder;
    private final String message;

    private Meaning(Embedder embedder, String message) {
        this.embedder = embedder;
        this.message = message;
    }

    /** Loads the model with {@link #defaultThreads()} worker threads. */
    public static Meaning load() {
        return load(defaultThreads());
    }

    /** Loads the model with {@code threads} worker threads for batches (at least 1). */
    public static Meaning load(int threads) {
        return load(NativePlatform.current(), Boolean.getBoolean(UNAVAILABLE_PROPERTY), threads);
    }

    static Meaning load(String platform, boolean switchedOff, int threads) {
        return load(platform, switchedOff, threads, MiniLmModel::load);
    }

    /** Loads the model (the native libraries with it) when asked; a seam for tests of a model that fails. */
    interface ModelLoader {
        MiniLmModel load() throws Exception;
    }

    /**
     * Why {@link #load} would come back empty without trying to load the model (switched off, or a platform the
     * model does not run on), as {@link #message} would say it; empty when the model may load here. Cheap: it reads
     * a property and the platform, so a command can decide before paying for the model.
     */
    public static Optional<String> refusedHere() {
        return refused(NativePlatform.current(), Boolean.getBoolean(UNAVAILABLE_PROPERTY)).map(Meaning::message);
    }

    private static Optional<Meaning> refused(String platform, boolean switchedOff) {
        if (switchedOff) {
            return Optional.of(unavailable(platform, " (switched off by -D" + UNAVAILABLE_PROPERTY + ")"));
        }
        return NativePlatform.supported(platform) ? Optional.empty() : Optional.of(unavailable(platform, ""));
    }

    static Meaning load(String platform, boolean switchedOff, int threads, ModelLoader loader) {
        if (threads < 1) {
            throw new IllegalArgumentException("an embedder needs at least one worker thread, not " + threads);
        }
        Optional<Meaning> refused = refused(platform, switchedOff);
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            NativeCaches.prepare();
            MiniLmModel model = loader.load();
            NativeCaches.removeUnpackedRuntime();
            String message = "search by meaning: all-MiniLM-L6-v2 (quantised, " + MiniLmModel.DIMENSIONS
                    + " dimensions, up to " + MiniLmModel.MAX_WORD_PIECES + " word pieces) on " + threads
                    + (threads == 1 ? " thread" : " threads");
            return new Meaning(new PooledEmbedder(model, threads), message);
        } catch (Exception | LinkageError e) {
            return unavailable(platform, ": the model did not load (" + reason(e) + ")");
        }
    }

    /**
     * Worker threads for batches when none are asked for: every core on a machine of one or two, every core but
     * one on a larger one. A search embeds its query on its own thread, so the core left over keeps searches fast
     * while indexing; on one or two cores leaving one idle would halve indexing for little gain.
     */
    public static int defaultThreads() {
        return defaultThreads(Runtime.getRuntime().availableProcessors());
    }

    static int defaultThreads(int cores) {
        return cores > 2 ? cores - 1 : Math.max(1, cores);
    }

    /** The embedder, or empty where search by meaning is not available. */
    public Optional<Embedder> embedder() {
        return Optional.ofNullable(embedder);
    }

    public boolean available() {
        return embedder != null;
    }

    /** One plain line: what runs, or why search by meaning is not available. */
    public String message() {
        return message;
    }

    private static Meaning unavailable(String platform, String why) {
        return new Meaning(null, "search by meaning is not available on " + platform + why + "; kb serves lexical search");
    }

    /** The innermost cause's message on one line, short enough for a start-up message. */
    private static String reason(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        text = text.replaceAll("\\s+", " ").strip();
        return text.length() > 160 ? text.substring(0, 157) + "..." : text;
    }
}
