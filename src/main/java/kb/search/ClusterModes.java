package kb.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.HashMap;
import kb.meaning.Embedder;
import org.apache.lucene.search.ScoreDoc;

/**
 * Ranks a query on a cluster in the mode asked, as {@link ModeRanking} does on the embedded index, or by words when
 * that mode cannot apply (no embedder, a collection whose passages do not all have vectors, exact syntax). By meaning,
 * the passages nearest the query's vector within the filters are the candidates; hybrid fuses them with the lexical
 * candidates by {@link HybridRanking#fuse}, ties in corpus order.
 */
final class ClusterModes {
    /**
     * A ranking: the lexical plan, the mode used, the ranked passages, the meaning candidates by id (empty when
     * lexical) and the query's vector (null when lexical).
     */
    record Ranked(ClusterRanking.Plan plan, SearchMode mode, List<ClusterQueries.Candidate> docs,
            Map<String, ClusterVectors.Near> near, float[] vector) {
        /** The passages articles are ranked from: every rescored lexical candidate, or this mode's ranking. */
        List<ClusterQueries.Candidate> forArticles() {
            return mode == SearchMode.LEXICAL ? plan.run().rescored() : docs;
        }
    }

    private ClusterModes() {}

    static Ranked rank(ClusterGeneration gen, ClusterRanking ranking, Embedder embedder, UserQueryParser.Parsed parsed,
            String text, String plainWords, SearchRequest request, int wanted) throws BadQueryException {
        ModeRanking.Start start = ModeRanking.Start.of(request, embedder, gen.meaningOn(), text, plainWords, wanted);
        SearchMode mode = start.mode();
        int candidates = start.candidates();
        ClusterRanking.Plan plan = ranking.plan(gen, parsed, text, request, candidates);
        List<ClusterQueries.Candidate> rescored = plan.run().rescored();
        List<ClusterQueries.Candidate> words = rescored.subList(0, Math.min(candidates, rescored.size()));
        if (mode == SearchMode.LEXICAL) {
            return new Ranked(plan, mode, words, Map.of(), null);
        }
        float[] vector = start.vector(plan.corrected());
        List<ClusterVectors.Near> nearest = gen.vectors.nearest(vector, request.article(), request.section(), candidates);
        Map<String, ClusterVectors.Near> near = new java.util.LinkedHashMap<>();
        nearest.forEach(n -> near.put(n.id(), n));
        List<ClusterQueries.Candidate> ranked = mode == SearchMode.SEMANTIC
                ? nearest.stream().map(n -> new ClusterQueries.Candidate(n.id(), n.article(), n.seq(), n.score())).toList()
                : fused(words, nearest, candidates);
        return new Ranked(plan, mode, ranked, near, vector);
    }

    /** {@link HybridRanking#fuse} over passages named by their place in corpus order, which breaks its ties. */
    private static List<ClusterQueries.Candidate> fused(List<ClusterQueries.Candidate> words,
            List<ClusterVectors.Near> nearest, int wanted) {
        Set<Long> seqs = new TreeSet<>();
        Map<Long, ClusterQueries.Candidate> bySeq = new HashMap<>();
        for (ClusterQueries.Candidate c : words) {
            seqs.add(c.seq());
            bySeq.put(c.seq(), c);
        }
        for (ClusterVectors.Near n : nearest) {
            seqs.add(n.seq());
            bySeq.putIfAbsent(n.seq(), new ClusterQueries.Candidate(n.id(), n.article(), n.seq(), n.score()));
        }
        List<Long> order = new ArrayList<>(seqs);
        Map<Long, Integer> doc = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            doc.put(order.get(i), i);
        }
        ScoreDoc[] w = words.stream().map(c -> new ScoreDoc(doc.get(c.seq()), c.score())).toArray(ScoreDoc[]::new);
        ScoreDoc[] m = nearest.stream().map(n -> new ScoreDoc(doc.get(n.seq()), n.score())).toArray(ScoreDoc[]::new);
        List<ClusterQueries.Candidate> out = new ArrayList<>();
        for (ScoreDoc sd : HybridRanking.fuse(w, m, HybridRanking.MEANING_WEIGHT, wanted)) {
            ClusterQueries.Candidate c = bySeq.get(order.get(sd.doc));
            out.add(new ClusterQueries.Candidate(c.id(), c.article(), c.seq(), sd.score));
        }
        return out;
    }
}
