package kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import kb.index.ExpansionDictionary;
import kb.index.Fields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Turns what a person typed into what is run: parsed, expanded with the generation's abbreviations and synonyms,
 * filtered, held to the clause budget, ranked, the best candidates rescored in the light of their articles
 * ({@link ArticleRanking}); and, when a word is unknown to the index but close to indexed ones, run again with the
 * correction, which is shown only if it finds something. A query that finds nothing is offered close words for
 * acronyms and short words too, never corrected unasked.
 */
final class QueryPlanner {
    private final UserQueryParser parser = new UserQueryParser();
    private final Spelling spelling = new Spelling();
    private final QueryExpander expander = new QueryExpander(parser);

    /** What a query becomes: the run shown, the correction it took (or null), and the other rewrites offered. */
    record Plan(Run run, String corrected, List<String> didYouMean) {}

    /**
     * One ranked execution: its best hits, the query that selects the same passages without the proximity bonus
     * (for counting them and their facets, which only a result page needs), what to highlight, the expansions, the
     * query's words over whole articles (null when none), every rescored candidate, best first (the hits are
     * its first ones), from which articles are ranked, the article scores the rescoring found, by the doc id of
     * each article's first passage, and the matches the ranked pass counted (what a page's total and facets are).
     */
    record Run(TopDocs topDocs, Query matching, Query highlight, List<Expansion> expansions, Query articles,
            ScoreDoc[] candidates, Map<Integer, Float> articleScores, CountedMatches matches) {
        /** Whether anything matched: exact, since the ranked pass counts at least every match it keeps. */
        boolean found() {
            return topDocs.totalHits.value > 0;
        }
    }

    UserQueryParser.Parsed parse(String text) throws BadQueryException {
        return parser.parse(text);
    }

    /** The words of {@code text} to mark in an article's passages (expansions included); null when there are none. */
    Query highlightOnly(String text, ExpansionDictionary dictionary) throws BadQueryException {
        UserQueryParser.Parsed parsed = parser.parse(text);
        return parsed.main() == null ? null : expander.expand(parsed.main(), text, dictionary).highlight();
    }

    Plan plan(IndexSearcher searcher, Generation gen, UserQueryParser.Parsed parsed, String text, SearchRequest request,
            int wanted) throws IOException, BadQueryException {
        List<String> corrections = spelling.corrections(searcher.getIndexReader(), text, false);
        // A correction that finds something is searched instead, so it runs first: the query as typed then runs
        // only when it is the one shown.
        if (request.correctSpelling() && !corrections.isEmpty()) {
            String rewrite = corrections.get(0);
            Run corrected = run(searcher, gen, parser.parse(rewrite), rewrite, request, wanted);
            if (corrected.found()) {
                return new Plan(corrected, rewrite, corrections.subList(1, corrections.size()));
            }
        }
        Run run = run(searcher, gen, parsed, text, request, wanted);
        if (!run.found()) {
            corrections = spelling.corrections(searcher.getIndexReader(), text, true);
        }
        return new Plan(run, null, corrections);
    }

    /**
     * What a query becomes before it runs, with no index needed: the ranked query (words, expansions, proximity,
     * filters), the query counting the same passages more cheaply, what to highlight, the expansions used and the
     * query's words over whole articles (null when none), and the words with their expansions as parsed, over every
     * field, without proximity bonus or filters (null when none; what {@link FirstPass} is made from). {@code matches} are the expansion dictionary's matches
     * in the query ({@code dictionary.find(QueryExpander.unquoted(text))}), so the same forms can be built where
     * only those matches travel (inside Solr, {@link QueryForms}).
     */
    record Forms(Query ranked, Query counted, Query highlight, List<Expansion> expansions, Query articles, Query words) {}

    Forms forms(UserQueryParser.Parsed parsed, String text, String article, String section,
            List<ExpansionDictionary.Match> matches) throws BadQueryException {
        Query main = parsed.main();
        Query words = main;
        List<Expansion> expansions = List.of();
        if (main != null) {
            QueryExpander.Expanded expanded = expander.expand(main, text, matches);
            main = expanded.query();
            words = expanded.highlight();
            expansions = expanded.expansions();
        }
        Query query = withFilters(new UserQueryParser.Parsed(main, parsed.filters()).combined(), article, section);
        QueryBudget.checkClauses(query);
        // The matching form selects the passages the ranked query matches without its proximity bonus (whose
        // phrases only re-rank passages the words already match, and cost a positions check per passage): what the
        // bounded counting pass (CountedMatches) and the check of meaning candidates against the words run.
        Query matching = words == null ? query
                : withFilters(new UserQueryParser.Parsed(words, parsed.filters()).combined(), article, section);
        // Filters select passages; only the words are marked in the text.
        Query highlight = words != null ? words : query;
        // Each candidate is rescored in the light of its article (ArticleRanking).
        Query articles = ArticleRanking.articleQuery(highlight);
        Query inText = FieldQueries.restrict(highlight, Fields.TEXT);
        // Counting needs no exact forms either: an exact form is always also in the stemmed text, so the query
        // without them selects the same passages, with one field fewer to read for every match.
        Query counted = FieldQueries.without(matching, Fields.TEXT_EXACT);
        return new Forms(query, counted != null ? counted : matching, inText != null ? inText : highlight, expansions,
                articles, words);
    }

    /** The dictionary's matches in {@code text}, as {@link #forms} takes them. */
    static List<ExpansionDictionary.Match> matchesIn(String text, ExpansionDictionary dictionary) {
        return dictionary.find(QueryExpander.unquoted(text));
    }

    private Run run(IndexSearcher searcher, Generation gen, UserQueryParser.Parsed parsed, String text,
            SearchRequest request, int wanted) throws IOException, BadQueryException {
        Forms f = forms(parsed, text, request.article(), request.section(), matchesIn(text, gen.expansions));
        // The first pass collects more than the page so that a passage of an article on the query can climb onto it.
        int candidates = ArticleRanking.candidates(wanted);
        Query cheap = gen.firstPass ? FirstPass.of(f.words(), parsed.filters(), request) : null;
        // The ranked pass counts every match up to the exact count before it prunes; past the page, the best passages
        // kb's full ranking weighs are what facets count when there are too many matches to count (CountedMatches).
        CountedMatches.Ranked pass = rankedPass(searcher, cheap != null ? cheap : f.ranked(),
                cheap != null ? FirstPass.depth(candidates) : Math.max(candidates, SearchLimits.BEST_COUNTED));
        TopDocs ranked = pass.top();
        TopDocs first = cheap != null
                ? FirstPass.rescore(searcher, ranked, f.ranked(), FirstPass.depth(candidates)) : ranked;
        // One pass ranks the passages it counts; a first pass of single terms matches the same passages as the words
        // (a phrase may meet across the pieces of its one field, so the words are then counted as typed).
        boolean countsAlike = cheap == null || FirstPass.matchesAlike(f.words());
        CountedMatches matches = countsAlike ? CountedMatches.of(searcher, f.counted(), pass, first.scoreDocs)
                : CountedMatches.count(searcher, f.counted(), first.scoreDocs);
        ArticleRanking.Rescored r = ArticleRanking.rescore(searcher, f.articles(), head(first.scoreDocs, candidates));
        ScoreDoc[] rescored = r.passages();
        TopDocs top = new TopDocs(first.totalHits, head(rescored, wanted));
        return new Run(top, f.counted(), f.highlight(), f.expansions(), f.articles(), rescored, r.articles(), matches);
    }

    /** The first {@code n} of {@code docs} (all of them when there are no more). */
    static ScoreDoc[] head(ScoreDoc[] docs, int n) {
        return docs.length <= n ? docs : Arrays.copyOf(docs, n);
    }

    /**
     * The ranked pass of a page: the best {@code wanted}, every match counted (and kept, {@link CountedMatches.Ranked})
     * up to one past the exact count before Lucene may skip passages that cannot make the best.
     */
    private static CountedMatches.Ranked rankedPass(IndexSearcher searcher, Query query, int wanted) throws IOException {
        return CountedMatches.ranked(searcher, query, wanted, Math.max(wanted, SearchLimits.EXACT_COUNT + 1));
    }

    /** The request's article and section filters as one query; all passages when it has none. */
    static Query filtersOf(SearchRequest request) {
        return withFilters(new MatchAllDocsQuery(), request.article(), request.section());
    }

    static Query withFilters(Query query, String article, String section) {
        boolean hasArticle = article != null && !article.isBlank();
        boolean hasSection = section != null && !section.isBlank();
        if (!hasArticle && !hasSection) {
            return query;
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        if (hasArticle) {
            b.add(new TermQuery(new Term(Fields.ARTICLE, article)), BooleanClause.Occur.FILTER);
        }
        if (hasSection) {
            b.add(new TermQuery(new Term(Fields.SECTION_PATH, section)), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }
}
