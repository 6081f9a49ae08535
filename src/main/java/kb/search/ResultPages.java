package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kb.index.Fields;
import kb.meaning.Embedder;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;

/**
 * Makes one page of results from a ranking ({@link ModeRanking}): the page's slice, highlighted one passage at a
 * time with the time limit checked between, each hit's stored fields read once; then the matches counted, with
 * their facets. A hit is found by its words when it matches the lexical query, by meaning when it is among the
 * meaning candidates; found by meaning only, its snippet is its sentence nearest the query. Counts and facets cover
 * the lexical matches the ranked pass counted (every one up to {@link SearchLimits#EXACT_COUNT}, else the best
 * {@value SearchLimits#BEST_COUNTED}: {@link CountedMatches}) plus the meaning candidates; the articles the search is about come from
 * {@link ArticleHits}.
 */
final class ResultPages {
    private ResultPages() {}

    static SearchPage page(IndexSearcher searcher, Generation gen, QueryPlanner planner, Embedder embedder,
            UserQueryParser.Parsed parsed, SearchRequest request, SearchTimeLimit timeLimit, long startNanos)
            throws IOException, BadQueryException {
        String text = request.query().strip();
        int page = request.page();
        int size = request.size();
        ModeRanking.Ranked ranked = ModeRanking.rank(searcher, gen, planner, embedder, parsed, text, null, request,
                page * size);
        timeLimit.check();
        QueryPlanner.Run run = ranked.plan().run();
        ScoreDoc[] all = ranked.docs();
        ScoreDoc[] pageDocs = Arrays.copyOfRange(all, Math.min(all.length, (page - 1) * size), Math.min(all.length, page * size));
        Set<Integer> meaningOnly = ranked.mode() == SearchMode.LEXICAL ? Set.of() : meaningOnly(searcher, run, ranked.near());
        List<SearchHit> hits = hits(searcher, gen, run, ranked, embedder, meaningOnly, pageDocs, timeLimit);
        timeLimit.check();
        // Counted from what the ranked pass collected (CountedMatches): by words, plus the meaning candidates that
        // match none of the words, known already; by meaning alone, its candidates.
        CountedMatches byWords = run.matches();
        CountedMatches counted = switch (ranked.mode()) {
            case LEXICAL -> byWords;
            case HYBRID -> byWords.with(sorted(meaningOnly));
            case SEMANTIC -> new CountedMatches(sorted(ranked.near()), ranked.near().size(), true);
        };
        FacetCounter.Counted facets = FacetCounter.count(searcher, gen, counted.docs());
        List<ArticleHit> articles = ArticleHits.top(searcher, gen.titles, ranked, facets);
        long took = (System.nanoTime() - startNanos) / 1_000_000;
        QueryPlanner.Plan plan = ranked.plan();
        return new SearchPage(text, counted.total(), took, page, size, hits, facets.facets(), plan.didYouMean(),
                plan.corrected(), run.expansions(), ranked.mode(), byWords.total(), articles, byWords.exact());
    }

    private static int[] sorted(Set<Integer> docs) {
        return docs.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static List<SearchHit> hits(IndexSearcher searcher, Generation gen, QueryPlanner.Run run,
            ModeRanking.Ranked ranked, Embedder embedder, Set<Integer> meaningOnly, ScoreDoc[] docs,
            SearchTimeLimit timeLimit) throws IOException {
        // Each shown hit's stored fields are read once; the highlighter marks the text read here.
        StoredFields stored = searcher.storedFields();
        Document[] read = new Document[docs.length];
        int[] ids = new int[docs.length];
        String[] texts = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
            read[i] = stored.document(docs[i].doc, StoredPassages.HIT_FIELDS);
            texts[i] = read[i].get(Fields.TEXT);
        }
        timeLimit.check();
        SnippetFormatter.Highlight[] found = gen.snippets.ofHits(run.highlight(), ids, texts, timeLimit);
        MatchedBy[] by = new MatchedBy[docs.length];
        int byMeaningOnly = 0;
        for (int i = 0; i < docs.length; i++) {
            by[i] = matchedBy(ranked.near(), meaningOnly, docs[i].doc);
            byMeaningOnly += by[i] == MatchedBy.MEANING ? 1 : 0;
        }
        NearestSentence nearest = new NearestSentence(embedder, ranked.vector(), byMeaningOnly);
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            SearchHit hit = StoredPassages.hit(read[i], found[i], docs[i].score, by[i]);
            if (by[i] == MatchedBy.MEANING) {
                timeLimit.check();
                hit = nearest.asSnippet(hit);
            }
            hits.add(hit);
        }
        return hits;
    }

    /** The meaning candidates {@code near} that match none of the words. */
    private static Set<Integer> meaningOnly(IndexSearcher searcher, QueryPlanner.Run run, Set<Integer> near)
            throws IOException {
        Set<Integer> only = new HashSet<>(near);
        for (int doc : CountedMatches.matching(searcher, run.matching(), sorted(near))) {
            only.remove(doc);
        }
        return only;
    }

    /**
     * A ranked passage outside the meaning candidates came from the words' ranking; a candidate is found by both
     * unless it matches none of the words. Lexical rankings have no candidates, so every hit is by words.
     */
    private static MatchedBy matchedBy(Set<Integer> near, Set<Integer> meaningOnly, int doc) {
        if (!near.contains(doc)) {
            return MatchedBy.WORDS;
        }
        return meaningOnly.contains(doc) ? MatchedBy.MEANING : MatchedBy.BOTH;
    }
}
