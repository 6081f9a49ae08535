package kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;

/**
 * The passages a result page counts. The ranked pass counts every match up to {@link SearchLimits#EXACT_COUNT}
 * before it prunes, and where it collected them all they are the matches; otherwise a pass that scores nothing
 * collects the matches in index order and stops after {@link SearchLimits#EXACT_COUNT}. A query matching no more
 * is counted exactly, and its facets and article counts
 * are over every match; a query matching more says "more than {@value SearchLimits#EXACT_COUNT}", and its facets
 * and article counts are over the best {@value SearchLimits#BEST_COUNTED} of the ranking (which matched the full
 * query). No pass visits every match, so a page costs what its ranking costs however many passages match.
 * Rule: when {@code exact}, {@code docs} is every match and {@code total} their number; otherwise {@code total} is
 * {@link SearchLimits#EXACT_COUNT}, a lower bound. {@code docs} are doc ids in increasing order.
 */
record CountedMatches(int[] docs, long total, boolean exact) {
    /**
     * The matches of a ranked pass that matched exactly the passages {@code counted} selects and counted every match
     * up to past {@link SearchLimits#EXACT_COUNT} ({@code ranked}): more than that is a lower bound, no more than it
     * collected is every match, and in between one pass of {@link #count} collects them. {@code best}: the ranking's
     * passages, best first, every one a match.
     */
    static CountedMatches of(IndexSearcher searcher, Query counted, TopDocs ranked, ScoreDoc[] best)
            throws IOException {
        TotalHits total = ranked.totalHits;
        if (total.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO || total.value > SearchLimits.EXACT_COUNT) {
            return inexact(best);
        }
        if (total.value <= ranked.scoreDocs.length) {
            return new CountedMatches(sortedIds(ranked.scoreDocs), total.value, true);
        }
        return count(searcher, counted, best);
    }

    /**
     * The matches of {@code counted} (the query selecting the page's passages without scoring them); {@code best} are
     * the ranked pass's passages, best first, every one a match.
     */
    static CountedMatches count(IndexSearcher searcher, Query counted, ScoreDoc[] best) throws IOException {
        int[] first = searcher.search(FieldQueries.forMatching(counted), new FirstMatches(SearchLimits.EXACT_COUNT + 1));
        if (first.length <= SearchLimits.EXACT_COUNT) {
            return new CountedMatches(first, first.length, true);
        }
        return inexact(best);
    }

    /** More than the exact count: the best of the ranking stand for the matches. */
    private static CountedMatches inexact(ScoreDoc[] best) {
        return new CountedMatches(sortedIds(QueryPlanner.head(best, SearchLimits.BEST_COUNTED)),
                SearchLimits.EXACT_COUNT, false);
    }

    /** These matches and {@code more} (doc ids in increasing order, none of them among these), counted together. */
    CountedMatches with(int[] more) {
        int[] all = Arrays.copyOf(docs, docs.length + more.length);
        System.arraycopy(more, 0, all, docs.length, more.length);
        Arrays.sort(all);
        return new CountedMatches(all, total + more.length, exact);
    }

    /** The doc ids of {@code ranked}, in increasing order. */
    static int[] sortedIds(ScoreDoc[] ranked) {
        int[] ids = new int[ranked.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ranked[i].doc;
        }
        Arrays.sort(ids);
        return ids;
    }

    /** The first {@code limit} matches in index order, as global doc ids in increasing order. */
    private record FirstMatches(int limit) implements CollectorManager<FirstMatches.Ids, int[]> {
        @Override
        public Ids newCollector() {
            return new Ids(limit);
        }

        @Override
        public int[] reduce(Collection<Ids> collectors) {
            int[] all = collectors.stream().flatMapToInt(c -> Arrays.stream(c.docs, 0, c.size)).sorted().toArray();
            return all.length <= limit ? all : Arrays.copyOf(all, limit);
        }

        /** Stops its segment, and skips the segments after, once it holds {@code limit}. */
        static final class Ids implements Collector {
            private final int limit;
            private final int[] docs;
            private int size;

            Ids(int limit) {
                this.limit = limit;
                this.docs = new int[limit];
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) {
                if (size >= limit) {
                    throw new CollectionTerminatedException();
                }
                int base = context.docBase;
                return new LeafCollector() {
                    @Override
                    public void setScorer(Scorable scorer) {}

                    @Override
                    public void collect(int doc) {
                        docs[size++] = base + doc;
                        if (size >= limit) {
                            throw new CollectionTerminatedException();
                        }
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }
    }

    /** Those of {@code docs} (doc ids in increasing order) that {@code query} matches: one scorer per segment. */
    static int[] matching(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        int[] out = new int[docs.length];
        int[] kept = {0};
        DocsByLeaf.forEach(searcher, docs, (leaf, from, to) -> {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                return;
            }
            DocIdSetIterator it = scorer.iterator();
            for (int i = from; i < to; i++) {
                int local = docs[i] - leaf.docBase;
                if (it.docID() == local || it.docID() < local && it.advance(local) == local) {
                    out[kept[0]++] = docs[i];
                }
            }
        });
        return Arrays.copyOf(out, kept[0]);
    }
}
