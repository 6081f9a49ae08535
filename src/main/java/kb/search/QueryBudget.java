package kb.search;

import java.util.function.Supplier;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * What one query may cost, checked before it runs, so that no query is refused only after the work: words that
 * expand to many terms (fuzzy {@code ~}, prefix {@code *}, wildcard {@code ?}) and ranges each make Lucene walk the
 * term dictionary, so they are counted every time they appear (a repeated word costs again, even though Lucene
 * later merges the copies), and the whole query, after abbreviations, synonyms and the proximity bonus are added,
 * may hold at most Lucene's clause limit.
 */
final class QueryBudget {
    /** Five fuzzy words cost about 0.2 s on MedQuAD (README, Performance); repeated to 1,000 characters, 2-8 s. */
    static final int MAX_EXPANDING_WORDS = 5;
    static final int MAX_RANGES = 4;

    private QueryBudget() {}

    /** Refuses a query that, as typed, has too many expanding words or ranges; the message names which. */
    static void checkTyped(int fuzzy, int patterns, int ranges) throws BadQueryException {
        if (fuzzy + patterns > MAX_EXPANDING_WORDS) {
            String what = fuzzy > 0 && patterns > 0 ? fuzzy + " fuzzy (~) and " + patterns + " wildcard (* or ?) words"
                    : fuzzy > 0 ? fuzzy + " fuzzy (~) words" : patterns + " wildcard (* or ?) words";
            throw new BadQueryException("The query has " + what + "; each one searches many indexed words, so kb "
                    + "takes at most " + MAX_EXPANDING_WORDS + " per query (a repeated word counts each time). "
                    + "Use fewer of them.");
        }
        if (ranges > MAX_RANGES) {
            throw new BadQueryException("The query has " + ranges + " ranges ([a TO b]); kb takes at most " + MAX_RANGES
                    + " per query. Use fewer ranges.");
        }
    }

    /** Refuses a query with more clauses than Lucene allows, counting every term of every clause as it will run. */
    static void checkClauses(Query query) throws BadQueryException {
        int clauses = clauses(query);
        int max = IndexSearcher.getMaxClauseCount();
        if (clauses > max) {
            throw new BadQueryException("The query has too many terms (" + clauses + " once every word is searched in "
                    + "headings, titles and text, with its abbreviations and synonyms; the limit is " + max
                    + "). Use fewer words.");
        }
    }

    /** Term occurrences in {@code query}, repeats included; an expanding query counts once before it expands. */
    static int clauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, Supplier<ByteRunAutomaton> automaton) {
                count[0]++;
            }

            @Override
            public void visitLeaf(Query q) {
                // Terms, phrases and expanding queries report above; a numeric range is one clause, match-all none.
                if (!(q instanceof MatchAllDocsQuery)) {
                    count[0]++;
                }
            }
        });
        return count[0];
    }
}
