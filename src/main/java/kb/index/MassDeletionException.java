package kb.index;

import java.io.IOException;

/**
 * Holds back an update that would delete most of the index: a corpus with most files missing is far more often a
 * half-finished copy, an unmounted disk or the wrong folder than a real deletion. Nothing was changed; the update
 * goes through when asked for explicitly ({@code --allow-deletions}).
 */
public final class MassDeletionException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Deleting more than this many articles, and more than half of the index, needs consent. */
    public static final int MAX_UNASKED = 10;

    public MassDeletionException(int missing, int indexed) {
        super("corpus looks incomplete: " + missing + " of " + indexed + " articles missing; nothing was deleted");
    }

    /** Whether deleting {@code missing} of {@code indexed} articles needs consent. */
    public static boolean needsConsent(int missing, int indexed) {
        return missing > MAX_UNASKED && 2L * missing > indexed;
    }
}
