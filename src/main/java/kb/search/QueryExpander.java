package kb.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kb.index.Analyzers;
import kb.index.ExpansionDictionary;
import kb.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Widens a plain-words query the way a reader would: abbreviations and synonyms are searched under their other
 * names too (scored below the words typed, so an exact match ranks first), and passages where the words stand
 * close together, or that have them in a heading, get a proximity bonus. Only queries of plain words are
 * widened; a query with AND, NOT, -word or +word means exactly what it says.
 */
final class QueryExpander {
    /**
     * The weight of a match on an abbreviation's or synonym's other name, shared out over that name's words: a
     * phrase of four words then scores like about half of one word, so a passage that has only the other name
     * ranks below a passage with the word typed, and a passage that has both ranks first.
     */
    static final float EXPANSION_WEIGHT = 0.5f;
    private static final Pattern WORD_BREAK = Pattern.compile("[\\s\\-/]+");
    /** Small on purpose: on SciFact's long claims larger proximity weights cost nDCG (see the README). */
    static final float PHRASE_WEIGHT = 0.2f;
    static final float PAIR_WEIGHT = 0.1f;
    static final int PHRASE_SLOP = 6;
    static final int PAIR_SLOP = 2;
    /** Beyond this many words a query is pasted text; pairs would only add cost. */
    static final int MAX_PROXIMITY_WORDS = 12;
    private static final Pattern PLAIN_WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,\\-]*");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");
    private static final Set<String> OPERATORS = Set.of("AND", "OR", "NOT");

    private final UserQueryParser parser;
    private final QueryBuilder builder = new QueryBuilder(Analyzers.perField());

    QueryExpander(UserQueryParser parser) {
        this.parser = parser;
    }

    /**
     * The query as run, the expansions it used, and the query to highlight: the same words and expansions without
     * the proximity bonus, which adds no word to mark but would send the highlighter down its slow phrase path.
     * Both match exactly the same passages (the bonus is optional phrases of words already searched), which lets
     * {@link SearchEngine} count matches and facets with the cheaper one.
     */
    record Expanded(Query query, List<Expansion> expansions, Query highlight) {}

    Expanded expand(Query parsed, String text, ExpansionDictionary dictionary) {
        return expand(parsed, text, dictionary.find(unquoted(text)));
    }

    /**
     * As {@link #expand(Query, String, ExpansionDictionary)} with the dictionary's matches in the query already found
     * ({@code dictionary.find(unquoted(text))}): how a query built elsewhere (inside Solr) expands exactly alike.
     */
    Expanded expand(Query parsed, String text, List<ExpansionDictionary.Match> matches) {
        if (!isPlainDisjunction(parsed)) {
            return new Expanded(parsed, List.of(), parsed);
        }
        BooleanQuery.Builder out = new BooleanQuery.Builder();
        if (parsed instanceof BooleanQuery bq) {
            bq.clauses().forEach(out::add);
        } else {
            out.add(parsed, BooleanClause.Occur.SHOULD);
        }
        Set<Expansion> used = new LinkedHashSet<>();
        String unquoted = unquoted(text);
        for (ExpansionDictionary.Match match : matches) {
            for (ExpansionDictionary.Target target : match.targets()) {
                Query other = parser.phrase(target.text());
                if (other != null) {
                    float weight = EXPANSION_WEIGHT / WORD_BREAK.split(target.text().strip()).length;
                    out.add(new BoostQuery(other, weight), BooleanClause.Occur.SHOULD);
                    used.add(new Expansion(match.found(), target.text(),
                            target.abbreviation() ? Expansion.ABBREVIATION : Expansion.SYNONYM));
                }
            }
        }
        Query highlight = out.build();
        addProximity(out, plainWords(unquoted));
        return new Expanded(out.build(), List.copyOf(used), highlight);
    }

    /** The query without its quoted phrases: a quoted phrase means exactly those words in that order, neither expanded nor loosened. */
    static String unquoted(String text) {
        return QUOTED.matcher(text).replaceAll(" ");
    }

    private void addProximity(BooleanQuery.Builder out, List<String> words) {
        if (words.size() < 2 || words.size() > MAX_PROXIMITY_WORDS) {
            return;
        }
        String all = String.join(" ", words);
        addIfPresent(out, builder.createPhraseQuery(Fields.TEXT, all, PHRASE_SLOP), PHRASE_WEIGHT);
        addIfPresent(out, builder.createPhraseQuery(Fields.SECTION, all, PHRASE_SLOP), PHRASE_WEIGHT);
        if (words.size() > 2) {
            for (int i = 0; i + 1 < words.size(); i++) {
                addIfPresent(out, builder.createPhraseQuery(Fields.TEXT, words.get(i) + " " + words.get(i + 1), PAIR_SLOP),
                        PAIR_WEIGHT);
            }
        }
    }

    private static void addIfPresent(BooleanQuery.Builder out, Query q, float weight) {
        // Stop words alone analyse to nothing; a single remaining word is not a phrase and adds nothing new.
        if (q != null && !(q instanceof org.apache.lucene.search.TermQuery)) {
            out.add(new BoostQuery(q, weight), BooleanClause.Occur.SHOULD);
        }
    }

    /** True for a query whose top-level clauses are all optional: plain words, phrases, prefixes. */
    private static boolean isPlainDisjunction(Query q) {
        if (q instanceof BooleanQuery bq) {
            return bq.getMinimumNumberShouldMatch() == 0
                    && bq.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD);
        }
        return true;
    }

    /** The words of a plain query, without field filters, quotes, wildcards or operators. */
    static List<String> plainWords(String text) {
        List<String> words = new ArrayList<>();
        for (String chunk : text.split("\\s+")) {
            String w = chunk.replace("\"", "");
            // Operators are capitals in Lucene's syntax; lower-case "and"/"or"/"not" are plain (stop) words.
            if (!w.isEmpty() && PLAIN_WORD.matcher(w).matches() && !OPERATORS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }
}
