package kb.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ranks a query on a cluster as {@link QueryPlanner} does on the embedded index: spelling checked, the query run,
 * rerun with the correction when a word is unknown and the correction finds something; each run's lexical candidates
 * rescored in the light of their articles ({@link ArticleRanking#rescored}), ties in corpus order. The scores come
 * from the cluster with exact statistics across shards, so the formula gets the embedded index's inputs.
 */
final class ClusterRanking {
    /** One run: its text, the forms of its query, the expansions' matches, the cluster's answer, and the rescored candidates. */
    record Run(String text, QueryPlanner.Forms forms, String expansions, ClusterQueries.Ranked ranked,
            List<ClusterQueries.Candidate> rescored, Map<String, Float> articleScores) {
        boolean found() {
            return ranked.total() > 0;
        }
    }

    /** The run shown, the correction it took (or null), and the other rewrites offered. */
    record Plan(Run run, String corrected, List<String> didYouMean) {}

    private final QueryPlanner planner;
    private final Spelling spelling = new Spelling();

    ClusterRanking(QueryPlanner planner) {
        this.planner = planner;
    }

    Plan plan(ClusterGeneration gen, UserQueryParser.Parsed parsed, String text, SearchRequest request, int wanted)
            throws BadQueryException {
        List<String> corrections = spelling.corrections(gen.vocabulary, text, false);
        Run run = run(gen, parsed, text, request, wanted);
        if (request.correctSpelling() && !corrections.isEmpty()) {
            String rewrite = corrections.get(0);
            Run corrected = run(gen, planner.parse(rewrite), rewrite, request, wanted);
            if (corrected.found()) {
                return new Plan(corrected, rewrite, corrections.subList(1, corrections.size()));
            }
        }
        if (!run.found()) {
            corrections = spelling.corrections(gen.vocabulary, text, true);
        }
        return new Plan(run, null, corrections);
    }

    private Run run(ClusterGeneration gen, UserQueryParser.Parsed parsed, String text, SearchRequest request,
            int wanted) throws BadQueryException {
        QueryPlanner.Forms forms = planner.forms(parsed, text, request.article(), request.section(),
                QueryPlanner.matchesIn(text, gen.expansions));
        String expansions = QueryForms.matchesJson(text, gen.expansions);
        ClusterQueries.Ranked ranked = gen.queries.ranked(text, request.article(), request.section(), expansions,
                ArticleRanking.candidates(wanted));
        List<ClusterQueries.Candidate> candidates = ranked.candidates();
        Map<String, Float> articleScores = Map.of();
        List<ClusterQueries.Candidate> rescored = candidates;
        if (forms.articles() != null && !candidates.isEmpty()) {
            Set<String> slugs = new LinkedHashSet<>();
            candidates.forEach(c -> slugs.add(c.article()));
            articleScores = gen.queries.articleScores(text, expansions, slugs);
            float[] p = new float[candidates.size()];
            float[] a = new float[candidates.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = candidates.get(i).score();
                a[i] = articleScores.getOrDefault(candidates.get(i).article(), 0f);
            }
            float[] s = ArticleRanking.rescored(p, a);
            rescored = new ArrayList<>(candidates.size());
            for (int i = 0; i < p.length; i++) {
                ClusterQueries.Candidate c = candidates.get(i);
                rescored.add(new ClusterQueries.Candidate(c.id(), c.article(), c.seq(), s[i]));
            }
            rescored.sort(Comparator.comparingDouble((ClusterQueries.Candidate c) -> -c.score())
                    .thenComparingLong(ClusterQueries.Candidate::seq));
        }
        return new Run(text, forms, expansions, ranked, rescored, articleScores);
    }

    /**
     * The best {@code depth} articles of a ranking, as {@link ArticleRanking#articles} ranks them: the article of
     * every passage ranked, by its whole text and its best passage in {@code ranked}, the run's rescored candidates
     * or a mode's ranking.
     */
    static List<ArticleRanking.Scored<String>> articles(ClusterGeneration gen, Run run,
            List<ClusterQueries.Candidate> ranked, int depth) throws BadQueryException {
        Map<String, Float> best = new HashMap<>();
        for (ClusterQueries.Candidate c : ranked) {
            best.merge(c.article(), c.score(), Math::max);
        }
        Map<String, Float> byText = new HashMap<>();
        boolean hasArticleQuery = run.forms().articles() != null;
        if (hasArticleQuery) {
            Set<String> unscored = new LinkedHashSet<>();
            for (String slug : best.keySet()) {
                if (!run.articleScores().containsKey(slug)) {
                    unscored.add(slug);
                }
            }
            // Articles found by meaning alone were no lexical candidate's: their text is scored now.
            Map<String, Float> more = gen.queries.articleScores(run.text(), run.expansions(), unscored);
            for (String slug : best.keySet()) {
                byText.put(slug, run.articleScores().getOrDefault(slug, more.getOrDefault(slug, 0f)));
            }
        }
        List<ArticleRanking.Scored<String>> all = ArticleRanking.combined(best, byText, hasArticleQuery,
                Comparator.naturalOrder());
        return all.subList(0, Math.min(depth, all.size()));
    }
}
