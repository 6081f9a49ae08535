package kb.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Cuts a query down to the clauses on one field, for highlighting. The highlighter asks every clause of the query
 * for its matches in every document it marks, so clauses on the title, heading and unstemmed fields (three of
 * the four fields each word is searched in) would cost a term lookup per document and mark nothing in the text.
 */
final class FieldQueries {
    private FieldQueries() {}

    /** {@code query} with only the parts that search {@code field}; null when none does. */
    static Query restrict(Query query, String field) {
        // An excluded word is never in a hit, so there is nothing to mark; required parts become optional, since a
        // passage may match a required word only in its heading.
        return prune(query, leaf -> fieldsRead(leaf).equals(Set.of(field)),
                occur -> occur == BooleanClause.Occur.MUST_NOT ? null : BooleanClause.Occur.SHOULD, false);
    }

    /**
     * {@code query} without the parts that read {@code field}, structure and weights otherwise kept; null when
     * nothing is left. For measuring what each field costs the ranking ({@link FieldCosts}).
     */
    static Query without(Query query, String field) {
        return prune(query, leaf -> !fieldsRead(leaf).contains(field), occur -> occur, true);
    }

    /**
     * Rebuilds {@code query} through its boolean, boost and disjunction-max wrappers, keeping the leaves that
     * {@code keep} accepts; {@code occur} maps each boolean clause's occurrence (null drops the clause). Null when
     * nothing is kept.
     */
    private static Query prune(Query query, Predicate<Query> keep, UnaryOperator<BooleanClause.Occur> occur,
            boolean keepMinimumShouldMatch) {
        if (query instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            if (keepMinimumShouldMatch) {
                b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            }
            int kept = 0;
            for (BooleanClause c : bq.clauses()) {
                BooleanClause.Occur mapped = occur.apply(c.getOccur());
                Query sub = mapped == null ? null : prune(c.getQuery(), keep, occur, keepMinimumShouldMatch);
                if (sub != null) {
                    b.add(sub, mapped);
                    kept++;
                }
            }
            return kept == 0 ? null : b.build();
        }
        if (query instanceof BoostQuery boost) {
            Query sub = prune(boost.getQuery(), keep, occur, keepMinimumShouldMatch);
            return sub == null ? null : new BoostQuery(sub, boost.getBoost());
        }
        if (query instanceof DisjunctionMaxQuery dismax) {
            List<Query> kept = new ArrayList<>();
            for (Query d : dismax.getDisjuncts()) {
                Query sub = prune(d, keep, occur, keepMinimumShouldMatch);
                if (sub != null) {
                    kept.add(sub);
                }
            }
            return kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, dismax.getTieBreakerMultiplier());
        }
        return keep.test(query) ? query : null;
    }

    private static Set<String> fieldsRead(Query query) {
        Set<String> fields = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                fields.add(f);
                return true;
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return fields;
    }
}
