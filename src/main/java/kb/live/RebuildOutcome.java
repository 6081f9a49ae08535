package kb.live;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How one index update ended. In JSON ({@code GET /health}, {@code POST /admin/reindex}) each is its lower-case
 * name as documented in {@code openapi.json}: {@code ok}, {@code nothing-indexed}, {@code held}, {@code failed}.
 */
public enum RebuildOutcome {
    /** Committed, also when nothing had changed. */
    OK("ok"),
    /** No article could be read; the previous index stays. */
    NOTHING_INDEXED("nothing-indexed"),
    /** The update would have deleted most of the index and waits for consent; nothing changed. */
    HELD("held"),
    /** The update was rolled back; the previous index stays. */
    FAILED("failed");

    private final String json;

    RebuildOutcome(String json) {
        this.json = json;
    }

    /** The name in JSON. */
    @JsonValue
    public String json() {
        return json;
    }
}
