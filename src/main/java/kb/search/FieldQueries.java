package kb.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        if (query instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            int kept = 0;
            for (BooleanClause c : bq.clauses()) {
                if (c.getOccur() == BooleanClause.Occur.MUST_NOT) {
                    continue; // an excluded word is never in a hit, so there is nothing to mark
                }
                Query sub = restrict(c.getQuery(), field);
                if (sub != null) {
                    // Required parts become optional: a passage may match a required word only in its heading.
                    b.add(sub, BooleanClause.Occur.SHOULD);
                    kept++;
                }
            }
            return kept == 0 ? null : b.build();
        }
        if (query instanceof BoostQuery boost) {
            Query sub = restrict(boost.getQuery(), field);
            return sub == null ? null : new BoostQuery(sub, boost.getBoost());
        }
        if (query instanceof DisjunctionMaxQuery dismax) {
            List<Query> kept = new ArrayList<>();
            for (Query d : dismax.getDisjuncts()) {
                Query sub = restrict(d, field);
                if (sub != null) {
                    kept.add(sub);
                }
            }
            return kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, dismax.getTieBreakerMultiplier());
        }
        return searchesOnly(query, field) ? query : null;
    }

    /**
     * {@code query} without the parts that read {@code field}, structure and weights otherwise kept; null when
     * nothing is left. For measuring what each field costs the ranking ({@link FieldCosts}).
     */
    static Query without(Query query, String field) {
        if (query instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            int kept = 0;
            for (BooleanClause c : bq.clauses()) {
                Query sub = without(c.getQuery(), field);
                if (sub != null) {
                    b.add(sub, c.getOccur());
                    kept++;
                }
            }
            return kept == 0 ? null : b.build();
        }
        if (query instanceof BoostQuery boost) {
            Query sub = without(boost.getQuery(), field);
            return sub == null ? null : new BoostQuery(sub, boost.getBoost());
        }
        if (query instanceof DisjunctionMaxQuery dismax) {
            List<Query> kept = new ArrayList<>();
            for (Query d : dismax.getDisjuncts()) {
                Query sub = without(d, field);
                if (sub != null) {
                    kept.add(sub);
                }
            }
            return kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, dismax.getTieBreakerMultiplier());
        }
        return reads(query, field) ? null : query;
    }

    private static boolean reads(Query query, String field) {
        return fieldsRead(query).contains(field);
    }

    /** True when every field the query reads is {@code field} (and it reads at least one). */
    private static boolean searchesOnly(Query query, String field) {
        return fieldsRead(query).equals(Set.of(field));
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
