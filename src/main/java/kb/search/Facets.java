package kb.search;

import java.util.List;

/** Counts of all matching passages (not only the page shown) by article and by section, largest first. */
public record Facets(List<FacetCount> articles, List<FacetCount> sections) {
    public static final Facets EMPTY = new Facets(List.of(), List.of());
}
