package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.index.Fields;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;

/**
 * Counts the passages a query matched by article and by section, from the doc values of the matched set (every
 * match counts, not only the page shown), the largest {@value SearchLimits#FACET_VALUES} of each; an article's label is
 * its title, a section's its innermost heading.
 */
final class FacetCounter {
    private FacetCounter() {}

    /** The facets of a set of matches, and how many of them each article has. */
    interface Counted {
        Facets facets();

        /** The matching passages of this article; 0 for an article with none. */
        long passagesIn(String slug) throws IOException;
    }

    /** Counted by Lucene's facet counts. */
    private record ByLucene(Facets facets, SortedSetDocValuesFacetCounts counts) implements Counted {
        @Override
        public long passagesIn(String slug) throws IOException {
            Number n = counts == null ? null : counts.getSpecificValue(Fields.ARTICLE, slug);
            return n == null || n.longValue() < 0 ? 0 : n.longValue();
        }
    }

    /** Counted from the generation's ordinals by doc id. */
    private record ByOrdinals(Facets facets, FacetOrdinals ordinals, int[] counts) implements Counted {
        @Override
        public long passagesIn(String slug) throws IOException {
            return ordinals.ofArticle(counts, slug);
        }
    }

    static Counted count(Generation gen, FacetsCollector matches) throws IOException {
        if (gen.facetState == null) {
            return new ByLucene(Facets.EMPTY, null);
        }
        FacetOrdinals ordinals = gen.facetOrdinals;
        if (ordinals != null) {
            int[] counts = ordinals.count(matches);
            List<FacetCount> articles = new ArrayList<>();
            for (FacetOrdinals.Valued v : ordinals.topArticles(counts, SearchLimits.FACET_VALUES)) {
                articles.add(new FacetCount(v.value(), gen.titles.of(v.value()), List.of(), v.count()));
            }
            List<FacetCount> sections = new ArrayList<>();
            for (FacetOrdinals.Valued v : ordinals.topSections(counts, SearchLimits.FACET_VALUES)) {
                sections.add(section(v.value(), v.count()));
            }
            return new ByOrdinals(new Facets(articles, sections), ordinals, counts);
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(gen.facetState, matches);
        List<FacetCount> articles = new ArrayList<>();
        FacetResult byArticle = counts.getTopChildren(SearchLimits.FACET_VALUES, Fields.ARTICLE);
        if (byArticle != null) {
            for (LabelAndValue lv : byArticle.labelValues) {
                articles.add(new FacetCount(lv.label, gen.titles.of(lv.label), List.of(), lv.value.longValue()));
            }
        }
        List<FacetCount> sections = new ArrayList<>();
        FacetResult bySection = counts.getTopChildren(SearchLimits.FACET_VALUES, Fields.SECTION_PATH);
        if (bySection != null) {
            for (LabelAndValue lv : bySection.labelValues) {
                sections.add(section(lv.label, lv.value.longValue()));
            }
        }
        return new ByLucene(new Facets(articles, sections), counts);
    }

    private static FacetCount section(String key, long count) {
        List<String> path = Fields.sectionPath(key);
        return new FacetCount(key, path.get(path.size() - 1), path, count);
    }

    /** Passages per innermost heading over the whole index (sections of the same name in several places add up), in the facet's label order. */
    static Map<String, Long> headings(SortedSetDocValuesReaderState facetState) throws IOException {
        Map<String, Long> headings = new LinkedHashMap<>();
        FacetResult sections = new SortedSetDocValuesFacetCounts(facetState).getAllChildren(Fields.SECTION_PATH);
        if (sections != null) {
            for (LabelAndValue lv : sections.labelValues) {
                List<String> path = Fields.sectionPath(lv.label);
                headings.merge(path.get(path.size() - 1), lv.value.longValue(), Long::sum);
            }
        }
        return headings;
    }
}
