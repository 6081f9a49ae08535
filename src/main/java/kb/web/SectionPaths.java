package kb.web;

import java.util.List;
import kb.search.FacetCount;

/** How a section path is shown to people, on pages, in citations and in the terminal: headings joined by " › ". */
public final class SectionPaths {
    public static final String SEPARATOR = " › ";

    private SectionPaths() {}

    public static String shown(List<String> headings) {
        return String.join(SEPARATOR, headings);
    }

    /** A facet value as shown: an article's title, a section's whole path. */
    static String facetLabel(FacetCount f) {
        return f.path().isEmpty() ? f.label() : shown(f.path());
    }
}
