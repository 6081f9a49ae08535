package kb.live;

/**
 * The outcome of one index update, as {@code GET /health} and {@code POST /admin/reindex} report it. Times are
 * ISO-8601 instants; {@code outcome} is one of {@link RebuildOutcome} (in JSON {@code ok}, {@code nothing-indexed},
 * {@code held} or {@code failed}); {@code message} says why.
 */
public record RebuildStatus(
        String startedAt,
        String finishedAt,
        RebuildOutcome outcome,
        String message,
        String mode,
        int added,
        int changed,
        int deleted,
        int unchanged,
        int passages,
        int skipped) {

    public boolean succeeded() {
        return outcome == RebuildOutcome.OK;
    }

    /** Still serving, but someone should look: the update failed, or waits for consent to delete. */
    public boolean needsAttention() {
        return outcome == RebuildOutcome.FAILED || outcome == RebuildOutcome.HELD;
    }
}
