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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;

/**
 * Counts the passages a query matched by article and by section, from the doc values of the matches counted (every
 * match up to {@link SearchLimits#EXACT_COUNT}, else the best {@value SearchLimits#BEST_COUNTED}:
 * {@link CountedMatches}), the largest
 * {@value SearchLimits#FACET_VALUES} of each; an article's label is its title, a section's its innermost heading.
 */
final class FacetCounter {
    private FacetCounter() {}

    /** The facets of a set of matches, and how many of them each article has. */
    interface Counted {
        Facets facets();

        /**
         * The article of passage {@code doc} and how many of its passages were counted; null when the passage has no
         * article.
         */
        FacetOrdinals.Valued articleOf(IndexSearcher searcher, int doc) throws IOException;
    }

    /** Counted by Lucene's facet counts. */
    private record ByLucene(Facets facets, SortedSetDocValuesFacetCounts counts) implements Counted {
        @Override
        public FacetOrdinals.Valued articleOf(IndexSearcher searcher, int doc) throws IOException {
            String slug = ArticleStarts.slugOf(searcher, doc);
            if (slug == null) {
                return null;
            }
            Number n = counts == null ? null : counts.getSpecificValue(Fields.ARTICLE, slug);
            return new FacetOrdinals.Valued(slug, n == null || n.longValue() < 0 ? 0 : n.intValue());
        }
    }

    /** Counted from the generation's ordinals by doc id. */
    private record ByOrdinals(Facets facets, FacetOrdinals ordinals, FacetOrdinals.Counts counts) implements Counted {
        @Override
        public FacetOrdinals.Valued articleOf(IndexSearcher searcher, int doc) throws IOException {
            return ordinals.articleOf(counts, doc);
        }
    }

    /** The facets of {@code docs} (doc ids in increasing order: the matches counted, {@link CountedMatches}). */
    static Counted count(IndexSearcher searcher, Generation gen, int[] docs) throws IOException {
        if (gen.facetState == null) {
            return new ByLucene(Facets.EMPTY, null);
        }
        FacetOrdinals ordinals = gen.facetOrdinals;
        if (ordinals != null) {
            FacetOrdinals.Counts counts = ordinals.count(docs);
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
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(gen.facetState, collected(searcher, docs));
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

    /** {@code docs} as Lucene's facet counts take them, as if a search had collected them. */
    private static FacetsCollector collected(IndexSearcher searcher, int[] docs) throws IOException {
        FacetsCollector collector = new FacetsCollector();
        DocsByLeaf.forEach(searcher, docs, (leaf, from, to) -> {
            LeafCollector into = collector.getLeafCollector(leaf);
            for (int i = from; i < to; i++) {
                into.collect(docs[i] - leaf.docBase);
            }
            into.finish();
        });
        return collector;
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
