package kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.CollectionTerminatedException;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.TopScoreDocCollectorManager;
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
     * up to past {@link SearchLimits#EXACT_COUNT} ({@code ranked}): more than that is a lower bound; no more is every
     * match, which the pass handed its collector ({@link Ranked#collected}; one pass of {@link #count} collects them
     * where it did not). {@code best}: the ranking's passages, best first, every one a match.
     */
    static CountedMatches of(IndexSearcher searcher, Query counted, Ranked ranked, ScoreDoc[] best)
            throws IOException {
        TotalHits total = ranked.top().totalHits;
        if (total.relation == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO || total.value > SearchLimits.EXACT_COUNT) {
            return inexact(best);
        }
        if (ranked.collected().length == total.value) {
            return new CountedMatches(ranked.collected(), total.value, true);
        }
        return count(searcher, counted, best);
    }

    /**
     * A ranked pass: its best, and the doc ids (increasing) of the matches it handed its collector while it still
     * counted every one. Lucene's top-k collector is given every match until it has counted its threshold, and only
     * then lets the scorer skip passages that cannot make the best; so when the total stays within the threshold,
     * {@code collected} is every match, and counting them needs no second pass.
     */
    record Ranked(TopDocs top, int[] collected) {}

    /**
     * The best {@code wanted} of {@code query} by Lucene's top-k collection, every match counted up to
     * {@code counted} before it may skip any, and the first {@code counted} matches' doc ids kept as they pass.
     */
    static Ranked ranked(IndexSearcher searcher, Query query, int wanted, int counted) throws IOException {
        return searcher.search(query, new Recording(new TopScoreDocCollectorManager(wanted, null, counted), counted));
    }

    /** Top-k collection that also keeps the doc ids of the first {@code limit} matches handed to it. */
    private record Recording(TopScoreDocCollectorManager top, int limit)
            implements CollectorManager<Recording.Each, Ranked> {
        @Override
        public Each newCollector() {
            return new Each(top.newCollector(), limit);
        }

        @Override
        public Ranked reduce(Collection<Each> collectors) throws IOException {
            TopDocs best = top.reduce(collectors.stream().map(c -> c.top).toList());
            int[] ids = collectors.stream().flatMapToInt(c -> Arrays.stream(c.docs, 0, c.size)).sorted().toArray();
            return new Ranked(best, ids);
        }

        static final class Each implements Collector {
            private final TopScoreDocCollector top;
            private final int[] docs;
            private int size;

            Each(TopScoreDocCollector top, int limit) {
                this.top = top;
                this.docs = new int[limit];
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
                int base = context.docBase;
                return new FilterLeafCollector(top.getLeafCollector(context)) {
                    @Override
                    public void collect(int doc) throws IOException {
                        if (size < docs.length) {
                            docs[size++] = base + doc;
                        }
                        in.collect(doc);
                    }
                };
            }

            @Override
            public ScoreMode scoreMode() {
                return top.scoreMode();
            }
        }
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
