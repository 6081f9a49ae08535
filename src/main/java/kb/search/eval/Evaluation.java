package kb.search.eval;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.search.BadQueryException;
import kb.search.RankedId;

/**
 * Runs a query set through a ranker and scores each query against the judgments. A query is evaluated when it
 * has at least one relevant judgment (trec_eval skips the others); a query the ranker refuses counts as
 * retrieving nothing (it scores 0, as with trec_eval -c) and is counted as failed. Means are over the evaluated
 * queries.
 */
public final class Evaluation {
    public static final int NDCG_SHALLOW = 5;
    public static final int NDCG_DEPTH = 10;
    public static final int RECALL_DEPTH = 100;
    public static final int MRR_DEPTH = 10;

    private Evaluation() {}

    /** Something that ranks documents for a query: kb's {@code SearchEngine.rank}, or the plain BM25 baseline. */
    @FunctionalInterface
    public interface Ranker {
        List<RankedId> rank(String query, int depth) throws BadQueryException;
    }

    /** One query's ranking (in trec_eval order) and scores; {@code evaluated} is false for an unjudged query. */
    public record QueryResult(String id, String text, List<RankedId> ranking, boolean failed, boolean evaluated,
            double ndcg5, double ndcg10, double recall100, double mrr10) {}

    /** Per-query results in query-file order and their means over the evaluated queries. */
    public record Report(List<QueryResult> queries) {
        public Report {
            queries = List.copyOf(queries);
        }

        public int evaluated() {
            return (int) queries.stream().filter(QueryResult::evaluated).count();
        }

        public int failed() {
            return (int) queries.stream().filter(QueryResult::failed).count();
        }

        public int unjudged() {
            return queries.size() - evaluated();
        }

        public double ndcg5() {
            return mean(QueryResult::ndcg5);
        }

        public double ndcg10() {
            return mean(QueryResult::ndcg10);
        }

        public double recall100() {
            return mean(QueryResult::recall100);
        }

        public double mrr10() {
            return mean(QueryResult::mrr10);
        }

        private double mean(java.util.function.ToDoubleFunction<QueryResult> metric) {
            return queries.stream().filter(QueryResult::evaluated).mapToDouble(metric).average().orElse(0);
        }

        /** Writes the rankings as a TREC run file: {@code qid Q0 docid rank score kb}, ranks from 1. */
        public void writeRun(Writer out, String tag) throws IOException {
            for (QueryResult q : queries) {
                int rank = 0;
                for (RankedId r : q.ranking()) {
                    out.write(q.id() + " Q0 " + r.id() + " " + (++rank) + " " + r.score() + " " + tag + "\n");
                }
            }
        }

        /** The metric lines kb eval prints, four decimals. */
        public List<String> summary() {
            return List.of(
                    String.format(Locale.ROOT, "queries evaluated  %d (%d failed, %d without relevant judgments skipped)",
                            evaluated(), failed(), unjudged()),
                    String.format(Locale.ROOT, "nDCG@5      %.4f", ndcg5()),
                    String.format(Locale.ROOT, "nDCG@10     %.4f", ndcg10()),
                    String.format(Locale.ROOT, "Recall@100  %.4f", recall100()),
                    String.format(Locale.ROOT, "MRR@10      %.4f", mrr10()));
        }
    }

    /** Ranks every query to {@code depth} and scores it; never throws for a bad query. */
    public static Report run(Map<String, String> queries, Qrels qrels, Ranker ranker, int depth) {
        List<QueryResult> results = new ArrayList<>(queries.size());
        for (Map.Entry<String, String> q : queries.entrySet()) {
            List<RankedId> ranking;
            boolean failed = false;
            try {
                ranking = ranker.rank(q.getValue(), depth);
            } catch (BadQueryException e) {
                ranking = List.of();
                failed = true;
            }
            List<String> ordered = Metrics.trecOrder(ranking);
            List<RankedId> inOrder = reorder(ranking, ordered);
            Map<String, Integer> judged = qrels.judgments(q.getKey());
            boolean evaluated = qrels.relevantCount(q.getKey()) > 0;
            results.add(new QueryResult(q.getKey(), q.getValue(), inOrder, failed, evaluated,
                    Metrics.ndcg(ordered, judged, NDCG_SHALLOW),
                    Metrics.ndcg(ordered, judged, NDCG_DEPTH),
                    Metrics.recall(ordered, judged, RECALL_DEPTH),
                    Metrics.reciprocalRank(ordered, judged, MRR_DEPTH)));
        }
        return new Report(results);
    }

    private static List<RankedId> reorder(List<RankedId> ranking, List<String> order) {
        Map<String, RankedId> byId = new java.util.HashMap<>();
        ranking.forEach(r -> byId.put(r.id(), r));
        return order.stream().map(byId::get).toList();
    }
}
