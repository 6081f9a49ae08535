package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kb.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryRescorer;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

/**
 * Two-phase ranking: the words over {@link Fields#RANK_TEXT} alone (title, headings and text in one field, one
 * posting list per word, which Lucene prunes like any single field) pick the best {@link #DEPTH} passages, and only
 * those are scored with kb's full weighting (each field apart, exact forms, proximity) by Lucene's
 * {@link QueryRescorer}. Rule: the first pass matches every passage the full query matches, so a query that
 * matches no more than {@link #DEPTH} passages ranks exactly as in one pass; it runs only for queries of optional
 * parts (words, phrases, expansions, prefixes: no required or excluded part, no field of their own), and only on a
 * generation whose every segment has the field (an index built before it ranks in one pass until rewritten).
 */
final class FirstPass {
    /**
     * Passages the full weighting rescores: as many as the article rescoring takes, and the sample facets count when
     * there are too many matches to count; measured on MedQuAD, SciFact, the seed and the long documents (README).
     */
    static final int DEPTH = SearchLimits.BEST_COUNTED;

    private FirstPass() {}

    /** Whether every segment of {@code reader} that has passage text has the first pass's field for each of them. */
    static boolean indexed(IndexReader reader) throws IOException {
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms text = leaf.reader().terms(Fields.TEXT);
            if (text == null) {
                continue;
            }
            Terms rank = leaf.reader().terms(Fields.RANK_TEXT);
            if (rank == null || rank.getDocCount() < text.getDocCount()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first pass for {@code words} (the words and expansions as parsed: no proximity bonus, no filters), with the
     * query's own filters ({@code title:}, {@code kind:} ...) and the request's, as the full query has them; null when
     * the words have a part that is not optional or not on the default fields, so that the first pass could miss
     * what the full query ranks first.
     */
    static Query of(Query words, List<Query> filters, SearchRequest request) {
        if (words == null || !optionalThroughout(words)) {
            return null;
        }
        Query cheap = FieldQueries.retarget(words, Fields.TEXT, Fields.RANK_TEXT);
        if (cheap == null || !coversEveryPart(words)) {
            return null;
        }
        return QueryPlanner.withFilters(new UserQueryParser.Parsed(cheap, filters).combined(), request.article(),
                request.section());
    }

    /** How deep the first pass ranks before {@code wanted} of its best are rescored. */
    static int depth(int wanted) {
        return Math.max(DEPTH, wanted);
    }

    /**
     * The {@code wanted} best of {@code full}'s ranking among the first pass's {@link #depth} best ({@code first},
     * best first, may hold more), best first (ties: lower doc id); the total is the first pass's.
     */
    static TopDocs rescore(IndexSearcher searcher, TopDocs first, Query full, int wanted) throws IOException {
        ScoreDoc[] best = QueryPlanner.head(first.scoreDocs, depth(wanted));
        TopDocs rescored = new QueryRescorer(full) {
            @Override
            protected float combine(float firstPassScore, boolean secondPassMatches, float secondPassScore) {
                // A phrase may meet across the title and the text in the one field; the full query decides.
                return secondPassMatches ? secondPassScore : Float.NEGATIVE_INFINITY;
            }
        }.rescore(searcher, new TopDocs(first.totalHits, best), wanted);
        ScoreDoc[] kept = Arrays.stream(rescored.scoreDocs).filter(d -> d.score != Float.NEGATIVE_INFINITY)
                .toArray(ScoreDoc[]::new);
        TotalHits total = kept.length == 0 ? new TotalHits(0, TotalHits.Relation.EQUAL_TO) : first.totalHits;
        return new TopDocs(total, kept);
    }

    /**
     * Whether the first pass of {@code words} matches exactly the passages the words match, so that it may count them
     * on the one field: true when the words are single terms (the field holds the title's, headings' and text's
     * stemmed terms); a phrase may meet across the pieces of the one field, so a query with one counts as typed,
     * unless the phrase cannot add a match: an optional phrase beside optional words that include one of its terms
     * in the same field (a hyphenated expression's bonus beside its words: wherever the phrase matches, that word
     * does, in the one field as in the four).
     */
    static boolean matchesAlike(Query words) {
        if (words instanceof BooleanQuery bq) {
            if (bq.getMinimumNumberShouldMatch() > 0
                    || bq.clauses().stream().anyMatch(c -> c.getOccur() != BooleanClause.Occur.SHOULD)) {
                return bq.clauses().stream().allMatch(c -> matchesAlike(c.getQuery()));
            }
            List<Query> alike = new ArrayList<>();
            List<Query> others = new ArrayList<>();
            for (BooleanClause c : bq.clauses()) {
                (matchesAlike(c.getQuery()) ? alike : others).add(c.getQuery());
            }
            Set<Term> siblings = new HashSet<>();
            alike.forEach(q -> anyOf(q, siblings));
            return others.stream().allMatch(q -> covered(q, siblings));
        }
        if (words instanceof BoostQuery boost) {
            return matchesAlike(boost.getQuery());
        }
        if (words instanceof DisjunctionMaxQuery dismax) {
            return dismax.getDisjuncts().stream().allMatch(FirstPass::matchesAlike);
        }
        return words instanceof TermQuery;
    }

    /** Adds the terms any one of which makes {@code q} match: its words through boosts and disjunctions only. */
    private static void anyOf(Query q, Set<Term> out) {
        if (q instanceof TermQuery term) {
            out.add(term.getTerm());
        } else if (q instanceof BoostQuery boost) {
            anyOf(boost.getQuery(), out);
        } else if (q instanceof DisjunctionMaxQuery dismax) {
            dismax.getDisjuncts().forEach(d -> anyOf(d, out));
        } else if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0
                && bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)) {
            bq.clauses().forEach(c -> anyOf(c.getQuery(), out));
        }
    }

    /**
     * Whether {@code q} is optional phrases only (through boosts, disjunctions and optional clauses), each with a term
     * among {@code terms}: a passage a phrase matches has all its terms, so one of those.
     */
    private static boolean covered(Query q, Set<Term> terms) {
        if (q instanceof BoostQuery boost) {
            return covered(boost.getQuery(), terms);
        }
        if (q instanceof DisjunctionMaxQuery dismax) {
            return dismax.getDisjuncts().stream().allMatch(d -> covered(d, terms));
        }
        if (q instanceof BooleanQuery bq) {
            return bq.getMinimumNumberShouldMatch() == 0 && !bq.clauses().isEmpty() && bq.clauses().stream()
                    .allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD && covered(c.getQuery(), terms));
        }
        return q instanceof PhraseQuery phrase && Arrays.stream(phrase.getTerms()).anyMatch(terms::contains);
    }

    /** True when every clause, at every depth, is optional and no disjunction needs a minimum of matches. */
    private static boolean optionalThroughout(Query q) {
        if (q instanceof BooleanQuery bq) {
            if (bq.getMinimumNumberShouldMatch() > 0) {
                return false;
            }
            for (BooleanClause c : bq.clauses()) {
                if (c.getOccur() != BooleanClause.Occur.SHOULD || !optionalThroughout(c.getQuery())) {
                    return false;
                }
            }
            return true;
        }
        if (q instanceof BoostQuery boost) {
            return optionalThroughout(boost.getQuery());
        }
        if (q instanceof DisjunctionMaxQuery dismax) {
            return dismax.getDisjuncts().stream().allMatch(FirstPass::optionalThroughout);
        }
        // A fuzzy, wildcard or prefix word expands to each field's own best terms, which one field need not share.
        return !(q instanceof MultiTermQuery);
    }

    /**
     * True when every part, at every depth, searches the text too: a word over the default fields does (its text
     * disjunct), a part on a field of its own ("title:x") does not, and the first pass would miss what only it finds.
     */
    private static boolean coversEveryPart(Query q) {
        if (q instanceof BooleanQuery bq) {
            return bq.clauses().stream().allMatch(c -> coversEveryPart(c.getQuery()));
        }
        if (q instanceof BoostQuery boost) {
            return coversEveryPart(boost.getQuery());
        }
        return FieldQueries.restrict(q, Fields.TEXT) != null;
    }
}
