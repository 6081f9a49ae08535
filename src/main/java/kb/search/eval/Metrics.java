package kb.search.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kb.search.RankedId;

/**
 * Ranking metrics computed as trec_eval computes them, over one query's ranking and its judgments.
 *
 * <ul>
 * <li>{@link #ndcg} is trec_eval's {@code ndcg_cut}: gain is the judged grade (0 for unjudged documents and grades
 * of 0 or below), the document at rank r (from 1) is discounted by log2(r + 1), and the ideal ranking is every
 * judged-relevant document of the query sorted by grade, cut at the same depth.</li>
 * <li>{@link #recall} is {@code recall_k}: relevant documents in the top k over all relevant documents.</li>
 * <li>{@link #reciprocalRank} is {@code recip_rank} cut at k: 1 / rank of the first relevant document in the top
 * k, else 0.</li>
 * </ul>
 * A ranking is first put in trec_eval's order with {@link #trecOrder}, which reorders ties as trec_eval does.
 */
public final class Metrics {
    private Metrics() {}

    /** Score descending, ties by document id descending: the order trec_eval reads a run file in. */
    public static List<String> trecOrder(List<RankedId> ranking) {
        List<RankedId> sorted = new ArrayList<>(ranking);
        sorted.sort(Comparator.comparingDouble((RankedId r) -> r.score()).reversed()
                .thenComparing(RankedId::id, Comparator.reverseOrder()));
        return sorted.stream().map(RankedId::id).toList();
    }

    public static double ndcg(List<String> ranked, Map<String, Integer> judgments, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            dcg += gain(judgments.get(ranked.get(i))) / log2(i + 2);
        }
        List<Integer> ideal = judgments.values().stream().filter(g -> g > 0).sorted(Comparator.reverseOrder()).toList();
        double idcg = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idcg += ideal.get(i) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    public static double recall(List<String> ranked, Map<String, Integer> judgments, int k) {
        long relevant = judgments.values().stream().filter(g -> g > 0).count();
        if (relevant == 0) {
            return 0;
        }
        long found = ranked.stream().limit(k).filter(id -> gain(judgments.get(id)) > 0).count();
        return (double) found / relevant;
    }

    public static double reciprocalRank(List<String> ranked, Map<String, Integer> judgments, int k) {
        for (int i = 0; i < Math.min(k, ranked.size()); i++) {
            if (gain(judgments.get(ranked.get(i))) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double gain(Integer grade) {
        return grade == null || grade <= 0 ? 0 : grade;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
