package kb.web;

import java.util.List;
import kb.search.SearchMode;

/**
 * One option of the search form's "search by" control: the {@code mode} value it sends, what people read, and
 * whether it is the one in effect. Rule: the default (hybrid) comes first, so a form without a choice means it.
 */
record ModeChoice(String value, String label, boolean selected) {

    /** The three options, {@code current} selected. */
    static List<ModeChoice> options(SearchMode current) {
        return List.of(
                of(SearchMode.HYBRID, "Words and meaning", current),
                of(SearchMode.LEXICAL, "Words only", current),
                of(SearchMode.SEMANTIC, "Meaning only", current));
    }

    private static ModeChoice of(SearchMode mode, String label, SearchMode current) {
        return new ModeChoice(mode.label(), label, mode == current);
    }
}
