package kb.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A rewritten query cut into its single words on one field and the rest, for marking matches. The rule it keeps:
 * the words' matches plus the rest's are the query's matches, each match once. That holds because it cuts only
 * through parts whose matches are the union of their parts' (boosts, disjunction-max, and booleans of optional
 * clauses with no minimum to match), and keeps everything else whole in the rest; a word that appears twice is
 * listed twice, as Lucene reports its matches once per appearance.
 */
record WordsAndTheRest(List<BytesRef> words, Query rest) {

    /** {@code rewritten} (a query as a searcher rewrote it) cut at {@code field}'s single words. */
    static WordsAndTheRest of(Query rewritten, String field) {
        List<BytesRef> words = new ArrayList<>();
        Query rest = cut(rewritten, field, words);
        return new WordsAndTheRest(List.copyOf(words), rest);
    }

    /** What is left of {@code q} once its single words on {@code field} are moved to {@code words}; null for nothing. */
    private static Query cut(Query q, String field, List<BytesRef> words) {
        if (q instanceof TermQuery t && t.getTerm().field().equals(field)) {
            words.add(t.getTerm().bytes());
            return null;
        }
        if (q instanceof BoostQuery boost) {
            Query sub = cut(boost.getQuery(), field, words);
            return sub == null ? null : new BoostQuery(sub, boost.getBoost());
        }
        if (q instanceof DisjunctionMaxQuery dismax) {
            List<Query> kept = new ArrayList<>();
            for (Query d : dismax.getDisjuncts()) {
                Query sub = cut(d, field, words);
                if (sub != null) {
                    kept.add(sub);
                }
            }
            return kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, dismax.getTieBreakerMultiplier());
        }
        if (q instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0
                && bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int kept = 0;
            for (BooleanClause c : bq.clauses()) {
                Query sub = cut(c.getQuery(), field, words);
                if (sub != null) {
                    b.add(sub, BooleanClause.Occur.SHOULD);
                    kept++;
                }
            }
            return kept == 0 ? null : b.build();
        }
        return q;
    }
}
