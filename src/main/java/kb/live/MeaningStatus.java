package kb.live;

import java.util.Locale;
import kb.search.IndexState;

/**
 * Search by meaning as {@code GET /health} reports it: {@code state} is {@code building} (vectors are being added in
 * the background), {@code done} (every passage has one, so queries are searched by meaning too), {@code off} (the
 * index's setting, or {@code kb serve --no-meaning}) or {@code unavailable} (the model cannot run here);
 * {@code passages} and {@code withMeaning} count the served generation's passages and those with a vector;
 * {@code message} says it in one line ("meaning: 12,000 of 36,101 passages").
 */
public record MeaningStatus(String state, int passages, int withMeaning, String message) {
    public static final String BUILDING = "building";
    public static final String DONE = "done";
    public static final String OFF = "off";
    public static final String UNAVAILABLE = "unavailable";

    /** The served index's counts, as a person reads them. */
    public static String counts(IndexState index) {
        return String.format(Locale.ROOT, "meaning: %,d of %,d passages", index.withMeaning(), index.passages());
    }

    /** Where nothing adds vectors: done when every passage has one already, else off. */
    public static MeaningStatus of(IndexState index) {
        return new MeaningStatus(index.meaningOn() ? DONE : OFF, index.passages(), index.withMeaning(), counts(index));
    }
}
