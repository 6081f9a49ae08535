package kb.live;

/**
 * The outcome of one index update, as {@code GET /health} and {@code POST /admin/reindex} report it. Times are
 * ISO-8601 instants; {@code outcome} is {@code ok} (also when nothing had changed), {@code nothing-indexed} (no
 * article could be read, the previous index stays), {@code held} (the update would have deleted most of the index and
 * waits for consent; nothing changed) or {@code failed} (the update was rolled back, the previous index stays);
 * {@code message} says why.
 */
public record RebuildStatus(
        String startedAt,
        String finishedAt,
        String outcome,
        String message,
        String mode,
        int added,
        int changed,
        int deleted,
        int unchanged,
        int passages,
        int skipped) {

    public static final String OK = "ok";
    public static final String NOTHING_INDEXED = "nothing-indexed";
    public static final String FAILED = "failed";
    public static final String HELD = "held";

    public boolean succeeded() {
        return OK.equals(outcome);
    }

    /** Still serving, but someone should look: the update failed, or waits for consent to delete. */
    public boolean needsAttention() {
        return FAILED.equals(outcome) || HELD.equals(outcome);
    }
}
