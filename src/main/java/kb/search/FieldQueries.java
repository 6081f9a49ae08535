package kb.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.automaton.Operations;

/**
 * Cuts a query down to the clauses on one field, for highlighting. The highlighter asks every clause of the query
 * for its matches in every document it marks, so clauses on the title, heading and unstemmed fields (three of
 * the four fields each word is searched in) would cost a term lookup per document and mark nothing in the text.
 * The same cut, moved to a field analysed alike, searches the whole article's text ({@link #retarget}).
 */
final class FieldQueries {
    private FieldQueries() {}

    /** {@code query} with only the parts that search {@code field}; null when none does. */
    static Query restrict(Query query, String field) {
        // An excluded word is never in a hit, so there is nothing to mark; required parts become optional, since a
        // passage may match a required word only in its heading.
        return prune(query, leaf -> fieldsRead(leaf).equals(Set.of(field)),
                occur -> occur == BooleanClause.Occur.MUST_NOT ? null : BooleanClause.Occur.SHOULD, false,
                leaf -> leaf);
    }

    /**
     * The parts of {@code query} that search {@code from}, searching {@code to} instead (a field analysed the same
     * way, so the terms carry over), weights and structure kept; null when none does. Words, phrases, synonyms,
     * prefixes, wildcards and fuzzy words move; anything else on {@code from} is left out.
     */
    static Query retarget(Query query, String from, String to) {
        Query restricted = restrict(query, from);
        return restricted == null ? null
                : prune(restricted, leaf -> true, occur -> occur, true, leaf -> moved(leaf, to));
    }

    private static Query moved(Query leaf, String to) {
        if (leaf instanceof TermQuery t) {
            return new TermQuery(new Term(to, t.getTerm().bytes()));
        }
        if (leaf instanceof PhraseQuery p) {
            PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(p.getSlop());
            Term[] terms = p.getTerms();
            int[] positions = p.getPositions();
            for (int i = 0; i < terms.length; i++) {
                b.add(new Term(to, terms[i].bytes()), positions[i]);
            }
            return b.build();
        }
        if (leaf instanceof MultiPhraseQuery mp) {
            MultiPhraseQuery.Builder b = new MultiPhraseQuery.Builder().setSlop(mp.getSlop());
            Term[][] arrays = mp.getTermArrays();
            int[] positions = mp.getPositions();
            for (int i = 0; i < arrays.length; i++) {
                b.add(Arrays.stream(arrays[i]).map(t -> new Term(to, t.bytes())).toArray(Term[]::new), positions[i]);
            }
            return b.build();
        }
        if (leaf instanceof SynonymQuery syn) {
            SynonymQuery.Builder b = new SynonymQuery.Builder(to);
            syn.getTerms().forEach(t -> b.addTerm(new Term(to, t.bytes())));
            return b.build();
        }
        if (leaf instanceof PrefixQuery pq) {
            return new PrefixQuery(new Term(to, pq.getPrefix().bytes()), pq.getRewriteMethod());
        }
        if (leaf instanceof WildcardQuery wq) {
            return new WildcardQuery(new Term(to, wq.getTerm().bytes()), Operations.DEFAULT_DETERMINIZE_WORK_LIMIT,
                    wq.getRewriteMethod());
        }
        if (leaf instanceof FuzzyQuery fq) {
            return new FuzzyQuery(new Term(to, fq.getTerm().bytes()), fq.getMaxEdits(), fq.getPrefixLength(),
                    UserQueryParser.MAX_EXPANSIONS, fq.getTranspositions(), fq.getRewriteMethod());
        }
        return null;
    }

    /**
     * {@code query} without the parts that read {@code field}, structure and weights otherwise kept; null when
     * nothing is left. For measuring what each field costs the ranking ({@link FieldCosts}).
     */
    static Query without(Query query, String field) {
        return prune(query, leaf -> !fieldsRead(leaf).contains(field), occur -> occur, true, leaf -> leaf);
    }

    /**
     * A query matching exactly the passages {@code query} matches, for a pass that scores nothing: boosts dropped,
     * each disjunction-max turned into a disjunction, and a disjunction that is an optional clause of a query whose
     * clauses need no count spliced into it. Lucene then ORs one flat list of words in bulk, where nested
     * disjunctions each kept a heap of their own for every match.
     */
    static Query forMatching(Query query) {
        if (query instanceof BoostQuery boost) {
            return forMatching(boost.getQuery());
        }
        if (query instanceof DisjunctionMaxQuery dismax) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (Query d : dismax.getDisjuncts()) {
                addOptional(b, forMatching(d));
            }
            return b.build();
        }
        if (query instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            for (BooleanClause c : bq.clauses()) {
                Query sub = forMatching(c.getQuery());
                if (c.getOccur() == BooleanClause.Occur.SHOULD && bq.getMinimumNumberShouldMatch() == 0) {
                    addOptional(b, sub);
                } else {
                    b.add(sub, c.getOccur());
                }
            }
            return b.build();
        }
        return query;
    }

    /** Adds {@code sub} as an optional clause, or its own clauses when it is a plain disjunction. */
    private static void addOptional(BooleanQuery.Builder b, Query sub) {
        if (sub instanceof BooleanQuery inner && inner.getMinimumNumberShouldMatch() == 0
                && inner.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD)
                && !inner.clauses().isEmpty()) {
            inner.clauses().forEach(c -> b.add(c.getQuery(), BooleanClause.Occur.SHOULD));
        } else {
            b.add(sub, BooleanClause.Occur.SHOULD);
        }
    }

    /**
     * Rebuilds {@code query} through its boolean, boost and disjunction-max wrappers, keeping the leaves that
     * {@code keep} accepts, each as {@code map} makes it (null drops it); {@code occur} maps each boolean clause's
     * occurrence (null drops the clause). Null when nothing is kept.
     */
    private static Query prune(Query query, Predicate<Query> keep, UnaryOperator<BooleanClause.Occur> occur,
            boolean keepMinimumShouldMatch, UnaryOperator<Query> map) {
        if (query instanceof BooleanQuery bq) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            if (keepMinimumShouldMatch) {
                b.setMinimumNumberShouldMatch(bq.getMinimumNumberShouldMatch());
            }
            int kept = 0;
            for (BooleanClause c : bq.clauses()) {
                BooleanClause.Occur mapped = occur.apply(c.getOccur());
                Query sub = mapped == null ? null : prune(c.getQuery(), keep, occur, keepMinimumShouldMatch, map);
                if (sub != null) {
                    b.add(sub, mapped);
                    kept++;
                }
            }
            return kept == 0 ? null : b.build();
        }
        if (query instanceof BoostQuery boost) {
            Query sub = prune(boost.getQuery(), keep, occur, keepMinimumShouldMatch, map);
            return sub == null ? null : new BoostQuery(sub, boost.getBoost());
        }
        if (query instanceof DisjunctionMaxQuery dismax) {
            List<Query> kept = new ArrayList<>();
            for (Query d : dismax.getDisjuncts()) {
                Query sub = prune(d, keep, occur, keepMinimumShouldMatch, map);
                if (sub != null) {
                    kept.add(sub);
                }
            }
            return kept.isEmpty() ? null : new DisjunctionMaxQuery(kept, dismax.getTieBreakerMultiplier());
        }
        return keep.test(query) ? map.apply(query) : null;
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
