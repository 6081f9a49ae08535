package kb.corpus;

import java.util.Locale;

/**
 * What a passage is: body prose, the answer to an FAQ question, one entry of a reference list, a data table (its
 * caption, header row and rows as text), or a figure's or table's caption.
 */
public enum PassageKind {
    PARAGRAPH, FAQ, REFERENCE, TABLE, CAPTION;

    /** The lower-case name used in the index, the JSON API and URLs. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PassageKind fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
