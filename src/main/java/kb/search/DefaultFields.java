package kb.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.index.Fields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The fields a word typed without a filter is searched in, their weights, and how its per-field queries combine:
 * the best field counts, plus a share of the others, so a word is never counted twice for being in two fields.
 */
final class DefaultFields {
    /**
     * Headings count most, then titles, then body text; the unstemmed field adds a bonus for the exact word form.
     * Per word the best field counts, plus {@link #TIE_BREAKER} of the rest, so a word in a short title does not
     * count twice (title and text); the weights were measured on SciFact and the seed set (see the README).
     */
    static final Map<String, Float> WEIGHTS = weights();

    /** In a fixed order: the parser builds each word's clauses in field order, and rankings must be repeatable. */
    private static Map<String, Float> weights() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(Fields.SECTION, 3.0f);
        fields.put(Fields.TITLE, 1.1f);
        fields.put(Fields.TEXT, 1.0f);
        fields.put(Fields.TEXT_EXACT, 0.5f);
        return Collections.unmodifiableMap(fields);
    }

    /** How much the fields that are not the best match still add (DisMax tie-breaker); measured on SciFact. */
    static final float TIE_BREAKER = 0.3f;

    private DefaultFields() {}

    /**
     * One word (or phrase) over the default fields: the best of heading, title and body, plus a little of the
     * others (DisMax, as Solr's edismax does), where body is the stemmed text plus the exact-form bonus. A word
     * in both a title and its text then counts once, at the title's weight, instead of twice.
     */
    static Query combine(List<Query> queries) {
        // The classic parser passes either one query per field (a single word) or, for text that analyses
        // into several words ("40mg/day"), one query per word that spans all fields.
        if (queries.stream().allMatch(q -> fieldsOf(q).size() == 1)) {
            return bestField(queries);
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (Query q : queries) {
            if (q instanceof BooleanQuery bq && bq.clauses().stream().allMatch(
                    c -> c.getOccur() == BooleanClause.Occur.SHOULD && fieldsOf(c.getQuery()).size() == 1)) {
                words.add(bestField(bq.clauses().stream().map(BooleanClause::getQuery).toList()),
                        BooleanClause.Occur.SHOULD);
            } else {
                words.add(q, BooleanClause.Occur.SHOULD);
            }
        }
        return words.build();
    }

    /** One word's per-field queries as a DisMax of heading, title and body (text plus exact form). */
    private static Query bestField(List<Query> perField) {
        List<Query> alternatives = new ArrayList<>();
        BooleanQuery.Builder body = new BooleanQuery.Builder();
        int bodyClauses = 0;
        for (Query q : perField) {
            String f = fieldsOf(q).first();
            if (Fields.TEXT.equals(f) || Fields.TEXT_EXACT.equals(f)) {
                body.add(q, BooleanClause.Occur.SHOULD);
                bodyClauses++;
            } else {
                alternatives.add(q);
            }
        }
        if (bodyClauses > 0) {
            alternatives.add(body.build());
        }
        if (alternatives.isEmpty()) {
            return null;
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, TIE_BREAKER);
    }

    /** Every field a query reads, sorted (a query's own iteration order may vary from run to run). */
    private static java.util.TreeSet<String> fieldsOf(Query q) {
        java.util.TreeSet<String> fields = new java.util.TreeSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public boolean acceptField(String f) {
                fields.add(f);
                return true;
            }
        });
        return fields;
    }
}
