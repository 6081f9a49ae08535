package kb.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import kb.index.IndexProgress;

/**
 * Shows indexing progress: on a terminal, one bar redrawn in place with {@code \r}; otherwise (a log, a pipe) a
 * plain line every few seconds, so logs stay readable. The line is built by {@link #line}, a pure function; a run
 * that makes meaning vectors adds how many passages have one ("meaning: 1,200 of 3,400 passages").
 */
final class ProgressDisplay implements IndexProgress {
    static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;
    private static final long BAR_INTERVAL_NANOS = 200_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long interval;
    private final long started;
    private long lastShown;
    private boolean shownAny;
    /** Passages with a meaning vector so far, or -1 when the run makes none. */
    private long withMeaning = -1;

    ProgressDisplay(PrintWriter out, boolean terminal, LongSupplier clock, long intervalNanos) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
        this.interval = intervalNanos;
        this.started = clock.getAsLong();
        this.lastShown = started;
    }

    /** A bar on a terminal, plain lines every five seconds elsewhere. */
    static ProgressDisplay forConsole(PrintWriter out) {
        boolean terminal = System.console() != null;
        return new ProgressDisplay(out, terminal, System::nanoTime, terminal ? BAR_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS);
    }

    @Override
    public void meaning(long withMeaning, long passages) {
        this.withMeaning = withMeaning;
    }

    @Override
    public void article(long articles, long passages, long bytesDone, long bytesTotal) {
        long now = clock.getAsLong();
        if (now - lastShown < interval) {
            return;
        }
        lastShown = now;
        String text = line(articles, passages, bytesDone, bytesTotal, now - started, terminal);
        if (withMeaning >= 0) {
            text += String.format(Locale.ROOT, ", meaning: %,d of %,d passages", withMeaning, passages);
        }
        if (terminal) {
            out.print("\r" + text + "\u001b[K");
        } else {
            out.println(text);
        }
        out.flush();
        shownAny = true;
    }

    /** Ends the bar's line on a terminal, so the report that follows starts on a line of its own. */
    void finish() {
        if (terminal && shownAny) {
            out.println();
            out.flush();
        }
    }

    /**
     * One progress line: with {@code bar}, a {@code [####----]} bar first. Speed is MB/s over the elapsed time;
     * time left assumes the same speed for the remaining bytes, and is left out until there is a speed to go by.
     */
    static String line(long articles, long passages, long bytesDone, long bytesTotal, long elapsedNanos, boolean bar) {
        double fraction = bytesTotal <= 0 ? 0 : Math.min(1.0, (double) bytesDone / bytesTotal);
        double seconds = elapsedNanos / 1e9;
        double mbPerSecond = seconds > 0 ? bytesDone / 1e6 / seconds : 0;
        StringBuilder b = new StringBuilder();
        if (bar) {
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            b.append('[').append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ");
        } else {
            b.append("Indexing: ");
        }
        b.append(String.format(Locale.ROOT, "%3.0f%%  %,d articles, %,d passages, %.1f MB/s", fraction * 100, articles,
                passages, mbPerSecond));
        if (bytesDone > 0 && seconds > 0 && bytesTotal > bytesDone) {
            long left = Math.round((bytesTotal - bytesDone) / (bytesDone / seconds));
            b.append(", ").append(duration(left)).append(" left");
        }
        return b.toString();
    }

    /** Seconds as m:ss, or h:mm:ss from an hour. */
    static String duration(long seconds) {
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }
}
