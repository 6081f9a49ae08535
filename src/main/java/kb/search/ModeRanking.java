package kb.search;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import kb.meaning.Embedder;
import kb.meaning.QueryEmbedding;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import kb.index.Fields;

/**
 * Ranks a query in the mode asked, or lexically when that mode cannot apply: no embedder, a generation whose
 * passages do not all have vectors yet, or a query with exact syntax ({@link QuerySyntax}). By meaning, the
 * passages nearest the query's vector (within the request's article and section filters) are the candidates;
 * hybrid fuses them with the lexical candidates ({@link HybridRanking}).
 */
final class ModeRanking {
    /**
     * A ranking: the lexical plan (spelling, expansions, what to highlight and count), the mode used, the ranked docs,
     * the meaning candidates' doc ids (none when lexical), and the query's vector (null when lexical).
     */
    record Ranked(QueryPlanner.Plan plan, SearchMode mode, ScoreDoc[] docs, Set<Integer> near, float[] vector) {
        /** The passages articles are ranked from: every rescored lexical candidate, or this mode's ranking. */
        ScoreDoc[] forArticles() {
            return mode == SearchMode.LEXICAL ? plan.run().candidates() : docs;
        }
    }

    /**
     * How a search by meaning starts, the same in both engines: the mode that applies (words only without an
     * embedder, before every passage has a vector, or for a query with exact syntax), how many candidates each side
     * ranks, and the query's vector already being made from the text as typed ({@link QueryEmbedding}).
     */
    record Start(SearchMode mode, int candidates, String typed, QueryEmbedding ahead) {
        /** {@code plainWords}: the query as plain words when its syntax was escaped for an evaluation (no operator applies). */
        static Start of(SearchRequest request, Embedder embedder, boolean meaningOn, String text, String plainWords,
                int wanted) {
            SearchMode mode = request.mode();
            if (embedder == null || !meaningOn || (plainWords == null && QuerySyntax.hasOperators(text))) {
                mode = SearchMode.LEXICAL;
            }
            String typed = plainWords != null ? plainWords : text;
            return mode == SearchMode.LEXICAL ? new Start(mode, wanted, typed, null)
                    : new Start(mode, Math.max(wanted, HybridRanking.CANDIDATES), typed,
                            QueryEmbedding.start(embedder, typed));
        }

        /** The vector of the text searched: the correction when spelling made one, else the text as typed. */
        float[] vector(String corrected) {
            return ahead.of(corrected != null ? corrected : typed);
        }
    }

    private ModeRanking() {}

    static Ranked rank(IndexSearcher searcher, Generation gen, QueryPlanner planner, Embedder embedder,
            UserQueryParser.Parsed parsed, String text, String plainWords, SearchRequest request, int wanted)
            throws IOException, BadQueryException {
        Start start = Start.of(request, embedder, gen.meaningOn(), text, plainWords, wanted);
        SearchMode mode = start.mode();
        int candidates = start.candidates();
        QueryPlanner.Plan plan = planner.plan(searcher, gen, parsed, text, request, candidates);
        ScoreDoc[] words = plan.run().topDocs().scoreDocs;
        if (mode == SearchMode.LEXICAL) {
            return new Ranked(plan, mode, words, Set.of(), null);
        }
        float[] vector = start.vector(plan.corrected());
        Query filter = QueryPlanner.filtersOf(request);
        Query near = new KnnFloatVectorQuery(Fields.VECTOR, vector, candidates,
                filter instanceof MatchAllDocsQuery ? null : filter);
        TopDocs nearest = searcher.search(near, candidates);
        Set<Integer> nearIds = new HashSet<>();
        for (ScoreDoc sd : nearest.scoreDocs) {
            nearIds.add(sd.doc);
        }
        ScoreDoc[] ranked = mode == SearchMode.SEMANTIC ? nearest.scoreDocs
                : HybridRanking.fuse(words, nearest.scoreDocs, HybridRanking.MEANING_WEIGHT, candidates);
        return new Ranked(plan, mode, ranked, nearIds, vector);
    }
}
