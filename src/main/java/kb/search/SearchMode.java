package kb.search;

import java.util.Locale;

/**
 * How a search ranks: by the words typed ({@code lexical}), by meaning alone ({@code semantic}, nearest passage
 * vectors), or both fused ({@code hybrid}, the default). A query with operators, quotes, fields or wildcards is
 * always lexical, so its syntax keeps its exact meaning; without vectors every mode is lexical.
 */
public enum SearchMode {
    LEXICAL, HYBRID, SEMANTIC;

    /** The name in URLs, JSON and the CLI. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code lexical}, {@code hybrid} or {@code semantic}; anything else is refused, saying what is accepted. */
    public static SearchMode parse(String value) throws BadQueryException {
        for (SearchMode m : values()) {
            if (m.label().equals(value)) {
                return m;
            }
        }
        throw new BadQueryException("mode must be lexical, hybrid or semantic, not \"" + value + "\".");
    }
}
