package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import kb.index.Fields;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * Each passage's article and section as the facet ordinals Lucene gave them, read from the facet doc values once
 * per index generation into two arrays by doc id, so that counting a search's matches is two array reads per match
 * instead of positioning and decoding doc values for each (which was a fifth of a broad MedQuAD question), and
 * costs the matches counted, not the index's number of articles and sections. Counts,
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
    /** By ordinal: the value's label once looked up (a lookup decompresses a block of the terms dictionary). */
    private final AtomicReferenceArray<String> values;

    private FacetOrdinals(SortedSetDocValuesReaderState state, OrdRange articles, OrdRange sections, int[] articleOf,
            int[] sectionOf) {
        this.state = state;
        this.articles = articles;
        this.sections = sections;
        this.articleOf = articleOf;
        this.sectionOf = sectionOf;
        this.values = new AtomicReferenceArray<>(state.getSize());
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

    /**
     * The counts of the ordinals of {@code docs}: sorted ordinals and their counts side by side, so counting costs
     * the matches counted and never the number of articles and sections in the index.
     */
    record Counts(int[] ords, int[] counts, int size) {
        int of(int ord) {
            int at = Arrays.binarySearch(ords, 0, size, ord);
            return at >= 0 ? counts[at] : 0;
        }
    }

    /** The counts over {@code docs} (doc ids, any order). */
    Counts count(int[] docs) {
        int[] ords = new int[2 * docs.length];
        int n = 0;
        for (int doc : docs) {
            int a = articleOf[doc];
            if (a >= 0) {
                ords[n++] = a;
            }
            int s = sectionOf[doc];
            if (s >= 0) {
                ords[n++] = s;
            }
        }
        Arrays.sort(ords, 0, n);
        int[] counts = new int[n];
        int size = 0;
        for (int i = 0; i < n; i++) {
            if (size > 0 && ords[size - 1] == ords[i]) {
                counts[size - 1]++;
            } else {
                ords[size] = ords[i];
                counts[size++] = 1;
            }
        }
        return new Counts(ords, counts, size);
    }

    /** The {@code n} most counted articles, as (value, count), in Lucene's order. */
    List<Valued> topArticles(Counts counts, int n) throws IOException {
        return top(counts, articles, n);
    }

    /** The {@code n} most counted sections, as (value, count), in Lucene's order. */
    List<Valued> topSections(Counts counts, int n) throws IOException {
        return top(counts, sections, n);
    }

    /** The article of passage {@code doc} (a doc id) and its count; null when the passage has no article. */
    Valued articleOf(Counts counts, int doc) throws IOException {
        int ord = articleOf[doc];
        return ord < 0 ? null : new Valued(value(ord), counts.of(ord));
    }

    /** A facet value (the part after the dimension) and its count. */
    record Valued(String value, int count) {}

    private List<Valued> top(Counts counts, OrdRange range, int n) throws IOException {
        if (range == null) {
            return List.of();
        }
        // Selection by count, then by lower ordinal (label order), as Lucene's queue of ordinals and counts keeps them;
        // the counted ordinals are in increasing order, so the first of equal counts is the lower ordinal.
        int[] best = new int[n];
        int[] bestCount = new int[n];
        int size = 0;
        for (int i = 0; i < counts.size(); i++) {
            int ord = counts.ords()[i];
            if (!inRange(ord, range)) {
                continue;
            }
            int c = counts.counts()[i];
            if (size == n && c <= bestCount[size - 1]) {
                continue;
            }
            int at = size == n ? n - 1 : size++;
            while (at > 0 && bestCount[at - 1] < c) {
                best[at] = best[at - 1];
                bestCount[at] = bestCount[at - 1];
                at--;
            }
            best[at] = ord;
            bestCount[at] = c;
        }
        List<Valued> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(new Valued(value(best[i]), bestCount[i]));
        }
        return out;
    }

    /** The value of an ordinal (the part of its path after the dimension), looked up once per generation. */
    private String value(int ord) throws IOException {
        String v = values.get(ord);
        if (v == null) {
            v = FacetsConfig.stringToPath(state.getDocValues().lookupOrd(ord).utf8ToString())[1];
            values.set(ord, v);
        }
        return v;
    }

    private static boolean inRange(int ord, OrdRange range) {
        return range != null && ord >= range.start && ord <= range.end;
    }
}
