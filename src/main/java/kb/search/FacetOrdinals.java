package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kb.index.Fields;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;

/**
 * Each passage's article and section as the facet ordinals Lucene gave them, read from the facet doc values once
 * per index generation into two arrays by doc id, so that counting a search's matches is two array reads per match
 * instead of positioning and decoding doc values for each (which was a fifth of a broad MedQuAD question). Counts,
 * order and ties are Lucene's {@code SortedSetDocValuesFacetCounts}': most passages first, equal counts in label
 * order, none at zero. Rule: every passage has at most one article and one section (kb's facets are single-valued);
 * an index where one has more is counted by Lucene ({@link #of} answers null).
 */
final class FacetOrdinals {
    private final SortedSetDocValuesReaderState state;
    private final OrdRange articles;
    private final OrdRange sections;
    /** By doc id: the article's ordinal and the section's, or -1. */
    private final int[] articleOf;
    private final int[] sectionOf;

    private FacetOrdinals(SortedSetDocValuesReaderState state, OrdRange articles, OrdRange sections, int[] articleOf,
            int[] sectionOf) {
        this.state = state;
        this.articles = articles;
        this.sections = sections;
        this.articleOf = articleOf;
        this.sectionOf = sectionOf;
    }

    /**
     * The ordinals of every passage; null when a passage has two values for one dimension. A dimension no passage
     * has (a corpus without headings has no sections) counts nothing.
     */
    static FacetOrdinals of(SortedSetDocValuesReaderState state, int maxDoc) throws IOException {
        OrdRange articles = state.getOrdRange(Fields.ARTICLE);
        OrdRange sections = state.getOrdRange(Fields.SECTION_PATH);
        int[] articleOf = new int[maxDoc];
        int[] sectionOf = new int[maxDoc];
        Arrays.fill(articleOf, -1);
        Arrays.fill(sectionOf, -1);
        SortedSetDocValues values = state.getDocValues();
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            for (int i = 0; i < values.docValueCount(); i++) {
                int ord = (int) values.nextOrd();
                int[] into = inRange(ord, articles) ? articleOf : inRange(ord, sections) ? sectionOf : null;
                if (into != null) {
                    if (into[doc] >= 0) {
                        return null;
                    }
                    into[doc] = ord;
                }
            }
        }
        return new FacetOrdinals(state, articles, sections, articleOf, sectionOf);
    }

    /** A count for every ordinal, over the matches. */
    int[] count(FacetsCollector matches) throws IOException {
        int[] counts = new int[state.getSize()];
        for (FacetsCollector.MatchingDocs m : matches.getMatchingDocs()) {
            if (m.totalHits == 0) {
                continue;
            }
            int base = m.context.docBase;
            DocIdSetIterator it = m.bits.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                int a = articleOf[base + doc];
                if (a >= 0) {
                    counts[a]++;
                }
                int s = sectionOf[base + doc];
                if (s >= 0) {
                    counts[s]++;
                }
            }
        }
        return counts;
    }

    /** The {@code n} most counted articles, as (value, count), in Lucene's order. */
    List<Valued> topArticles(int[] counts, int n) throws IOException {
        return top(counts, articles, n);
    }

    /** The {@code n} most counted sections, as (value, count), in Lucene's order. */
    List<Valued> topSections(int[] counts, int n) throws IOException {
        return top(counts, sections, n);
    }

    /** The count of one article's passages; 0 for an unknown article. */
    long ofArticle(int[] counts, String slug) throws IOException {
        long ord = state.getDocValues().lookupTerm(new BytesRef(FacetsConfig.pathToString(Fields.ARTICLE, slug)));
        return ord >= 0 && inRange((int) ord, articles) ? counts[(int) ord] : 0;
    }

    /** A facet value (the part after the dimension) and its count. */
    record Valued(String value, int count) {}

    private List<Valued> top(int[] counts, OrdRange range, int n) throws IOException {
        if (range == null) {
            return List.of();
        }
        // Selection by count, then by lower ordinal (label order), as Lucene's queue of ordinals and counts keeps them.
        int[] best = new int[n];
        int size = 0;
        for (int ord = range.start; ord <= range.end; ord++) {
            int c = counts[ord];
            if (c == 0 || size == n && c <= counts[best[size - 1]]) {
                continue;
            }
            int at = size == n ? n - 1 : size++;
            while (at > 0 && counts[best[at - 1]] < c) {
                best[at] = best[at - 1];
                at--;
            }
            best[at] = ord;
        }
        SortedSetDocValues values = state.getDocValues();
        List<Valued> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String[] path = FacetsConfig.stringToPath(values.lookupOrd(best[i]).utf8ToString());
            out.add(new Valued(path[1], counts[best[i]]));
        }
        return out;
    }

    private static boolean inRange(int ord, OrdRange range) {
        return range != null && ord >= range.start && ord <= range.end;
    }
}
