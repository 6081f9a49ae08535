package kb.search;

import java.util.Locale;

/** Why a passage was found: its words match the query's, it is close in meaning, or both. */
public enum MatchedBy {
    WORDS, MEANING, BOTH;

    /** The name in JSON ("words", "meaning", "both"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
