package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;

class FieldQueriesTest {
    private static Query term(String field, String word) {
        return new TermQuery(new Term(field, word));
    }

    private static Query anyField(String word) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(term("section", word), 3f), Occur.SHOULD)
                .add(term("text", word), Occur.SHOULD)
                .add(new BoostQuery(term("text_exact", word), 0.5f), Occur.SHOULD)
                .build();
    }

    @Test
    void keepsOnlyTheClausesOnTheFieldAndTheirBoosts() {
        Query q = new BooleanQuery.Builder()
                .add(anyField("ketamin"), Occur.SHOULD)
                .add(new BoostQuery(new PhraseQuery("text", "nmda", "receptor"), 0.4f), Occur.SHOULD)
                .build();
        Query expected = new BooleanQuery.Builder()
                .add(new BooleanQuery.Builder().add(term("text", "ketamin"), Occur.SHOULD).build(), Occur.SHOULD)
                .add(new BoostQuery(new PhraseQuery("text", "nmda", "receptor"), 0.4f), Occur.SHOULD)
                .build();
        assertEquals(expected, FieldQueries.restrict(q, "text"));
    }

    @Test
    void requiredWordsBecomeOptionalAndExcludedWordsAreDropped() {
        Query q = new BooleanQuery.Builder()
                .add(anyField("ketamin"), Occur.MUST)
                .add(anyField("nmda"), Occur.MUST_NOT)
                .build();
        BooleanQuery restricted = (BooleanQuery) FieldQueries.restrict(q, "text");
        assertEquals(1, restricted.clauses().size());
        assertEquals(Occur.SHOULD, restricted.clauses().get(0).getOccur());
    }

    @Test
    void retargetMovesTheTextClausesToTheArticleFieldWithTheirBoosts() {
        Query q = new BooleanQuery.Builder()
                .add(anyField("ketamin"), Occur.SHOULD)
                .add(new BoostQuery(new PhraseQuery(2, "text", "nmda", "receptor"), 0.4f), Occur.SHOULD)
                .add(new org.apache.lucene.search.PrefixQuery(new Term("text", "anaes")), Occur.SHOULD)
                .build();
        Query expected = new BooleanQuery.Builder()
                .add(new BooleanQuery.Builder().add(term("article_text", "ketamin"), Occur.SHOULD).build(),
                        Occur.SHOULD)
                .add(new BoostQuery(new PhraseQuery(2, "article_text", "nmda", "receptor"), 0.4f), Occur.SHOULD)
                .add(new org.apache.lucene.search.PrefixQuery(new Term("article_text", "anaes")), Occur.SHOULD)
                .build();
        assertEquals(expected, FieldQueries.retarget(q, "text", "article_text"));
        assertNull(FieldQueries.retarget(term("title", "ketamin"), "text", "article_text"));
    }

    @Test
    void queryWithNothingOnTheFieldGivesNull() {
        assertNull(FieldQueries.restrict(term("title", "ketamin"), "text"));
    }

    @Test
    void withoutDropsOnlyTheFieldAndKeepsOccurAndBoosts() {
        Query q = new BooleanQuery.Builder()
                .add(anyField("ketamin"), Occur.MUST)
                .add(new BoostQuery(new PhraseQuery("section", "nmda", "receptor"), 0.4f), Occur.SHOULD)
                .build();
        Query expected = new BooleanQuery.Builder()
                .add(new BooleanQuery.Builder()
                        .add(term("text", "ketamin"), Occur.SHOULD)
                        .add(new BoostQuery(term("text_exact", "ketamin"), 0.5f), Occur.SHOULD)
                        .build(), Occur.MUST)
                .build();
        assertEquals(expected, FieldQueries.without(q, "section"));
        assertNull(FieldQueries.without(term("section", "ketamin"), "section"));
    }
}
