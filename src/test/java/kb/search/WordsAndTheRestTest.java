package kb.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** Only parts whose matches are the union of their parts' are cut into; a word is listed as often as it appears. */
class WordsAndTheRestTest {
    private static final PhraseQuery PHRASE = new PhraseQuery("text", "rapid", "onset");

    @Test
    void wordsLeaveOptionalBooleansDisjunctionsAndBoostsAndThePhrasesStay() {
        Query q = or(new BoostQuery(word("text", "ketamin"), 2f),
                new DisjunctionMaxQuery(List.of(word("text", "nmda"), PHRASE), 0.3f), word("text", "ketamin"));
        WordsAndTheRest cut = WordsAndTheRest.of(q, "text");
        assertEquals(List.of(new BytesRef("ketamin"), new BytesRef("nmda"), new BytesRef("ketamin")), cut.words());
        assertEquals(or(new DisjunctionMaxQuery(List.of(PHRASE), 0.3f)), cut.rest());
    }

    @Test
    void aQueryOfWordsAloneLeavesNoRest() {
        WordsAndTheRest cut = WordsAndTheRest.of(or(word("text", "ketamin"), word("text", "esketamin")), "text");
        assertEquals(2, cut.words().size());
        assertNull(cut.rest());
    }

    @Test
    void booleansThatNeedAClauseOrAMinimumAndWordsOfOtherFieldsStayWhole() {
        BooleanQuery required = new BooleanQuery.Builder()
                .add(word("text", "ketamin"), BooleanClause.Occur.MUST)
                .add(word("text", "nmda"), BooleanClause.Occur.SHOULD).build();
        BooleanQuery twoOfThree = new BooleanQuery.Builder().setMinimumNumberShouldMatch(2)
                .add(word("text", "a1"), BooleanClause.Occur.SHOULD)
                .add(word("text", "a2"), BooleanClause.Occur.SHOULD)
                .add(word("text", "a3"), BooleanClause.Occur.SHOULD).build();
        Query title = word("title", "ketamin");
        WordsAndTheRest cut = WordsAndTheRest.of(or(required, twoOfThree, title, word("text", "midazolam")), "text");
        assertEquals(List.of(new BytesRef("midazolam")), cut.words());
        assertEquals(or(required, twoOfThree, title), cut.rest());
    }

    private static Query word(String field, String term) {
        return new TermQuery(new Term(field, term));
    }

    private static Query or(Query... clauses) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query c : clauses) {
            b.add(c, BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }
}
