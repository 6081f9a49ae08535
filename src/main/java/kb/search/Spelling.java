package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kb.index.Analyzers;
import kb.index.Fields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Offers corrected queries built from terms that are in the index, using Lucene's {@link DirectSpellChecker} over
 * the unstemmed text field. A word found in the index is never corrected, nor is a short all-capitals word, which
 * is more likely an acronym the corpus lacks than a typo, nor a word written with a digit or with a capital after a
 * small letter ("Dscam1", "ComYMV", "mTOR", "IL-6"), which is a name or a code: those are offered only when the
 * query finds nothing.
 */
final class Spelling {
    private static final int MAX_SUGGESTIONS = 3;
    private static final int MAX_ACRONYM_LENGTH = 6;
    /** Shorter words are too often real words the corpus lacks ("many" is not a typo of "may"). */
    private static final int MIN_CORRECTED_LENGTH = 5;

    private final Analyzer analyzer = Analyzers.exact();
    private final Analyzer stemmer = Analyzers.english();
    /** A '?' before a letter or digit is a one-character wildcard; compiled once, as every query checks it. */
    private static final java.util.regex.Pattern WILDCARD_MARK = java.util.regex.Pattern.compile("\\?[\\p{L}\\p{N}]");

    /**
     * What spelling needs to know of an index: whether words are in it, and the indexed forms close to a word. The
     * embedded index answers from its reader ({@link #of(IndexReader)}); a cluster answers for all its shards at once.
     */
    interface Vocabulary {
        /**
         * For each word, whether the index has its exact form in {@link Fields#TEXT_EXACT}, or one of its stems in
         * the stemmed text, headings or title (a word found only in a heading, or in another inflection, is known).
         */
        boolean[] known(List<Word> words) throws IOException;

        /** Up to {@code n} indexed exact forms close to each word not in the index, best first, as {@link #closeWords} gives them. */
        List<List<String>> similar(List<String> exactForms, int n) throws IOException;
    }

    /** A word of a query: its exact (unstemmed) indexed form and its stems. */
    record Word(String exact, List<String> stems) {}

    /** The fields a word's stems are looked up in. */
    static final List<String> STEMMED_FIELDS = List.of(Fields.TEXT, Fields.SECTION, Fields.TITLE);

    /** The vocabulary of one index reader: close words as {@link #closeWords} finds them. */
    static Vocabulary of(IndexReader reader) {
        return new Vocabulary() {
            @Override
            public boolean[] known(List<Word> words) throws IOException {
                boolean[] out = new boolean[words.size()];
                for (int i = 0; i < out.length; i++) {
                    Word w = words.get(i);
                    boolean known = reader.docFreq(new Term(Fields.TEXT_EXACT, w.exact())) > 0;
                    for (String stem : w.stems()) {
                        for (String field : STEMMED_FIELDS) {
                            known = known || reader.docFreq(new Term(field, stem)) > 0;
                        }
                    }
                    out[i] = known;
                }
                return out;
            }

            @Override
            public List<List<String>> similar(List<String> exactForms, int n) throws IOException {
                List<List<String>> out = new ArrayList<>();
                for (String form : exactForms) {
                    out.add(closeWords(reader, new Term(Fields.TEXT_EXACT, form), n));
                }
                return out;
            }
        };
    }

    /** Lucene's spell checker held to one edit; its default, two edits, is the fallback. */
    private static final DirectSpellChecker ONE_EDIT = new DirectSpellChecker();
    private static final DirectSpellChecker TWO_EDITS = new DirectSpellChecker();

    static {
        ONE_EDIT.setMaxEdits(1);
    }

    /**
     * Up to {@code n} indexed words close to {@code word}, best first, as Lucene's {@link DirectSpellChecker} (its
     * defaults) ranks them, but two edits away only when nothing is one edit away. Most typos are one edit, and any
     * word one edit away ranks above every word two edits away (closeness is 1 − edits / the shorter length), so the
     * best word is the checker's own; what it saves is the two-edit automata, about 3 ms a word on SciFact (five
     * times the one-edit search), paid now only by words with nothing closer.
     */
    static List<String> closeWords(IndexReader reader, Term word, int n) throws IOException {
        SuggestWord[] found = ONE_EDIT.suggestSimilar(word, n, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        if (found.length == 0) {
            found = TWO_EDITS.suggestSimilar(word, n, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
        }
        List<String> words = new ArrayList<>(found.length);
        for (SuggestWord w : found) {
            words.add(w.string);
        }
        return words;
    }

    /** As {@link #corrections(Vocabulary, String, boolean)} over one index reader. */
    List<String> corrections(IndexReader reader, String query, boolean includeUncertain) {
        return corrections(of(reader), query, includeUncertain);
    }

    /**
     * Up to three rewrites of {@code query} with each unknown word replaced; empty when every word is known. Only
     * words safe to correct count, unless {@code includeUncertain}: then acronyms and short words are offered
     * too, as suggestions for a query that found nothing (never as corrections).
     */
    List<String> corrections(Vocabulary vocabulary, String query, boolean includeUncertain) {
        try {
            List<Replacement> unknown = unknownWords(vocabulary, query, includeUncertain);
            if (unknown.isEmpty()) {
                return List.of();
            }
            Set<String> rewrites = new LinkedHashSet<>();
            for (int variant = 0; variant < MAX_SUGGESTIONS; variant++) {
                StringBuilder out = new StringBuilder(query);
                boolean changed = false;
                // Replace from the end so earlier offsets stay valid.
                for (int i = unknown.size() - 1; i >= 0; i--) {
                    Replacement r = unknown.get(i);
                    if (r.candidates.isEmpty()) {
                        continue;
                    }
                    String word = r.candidates.get(Math.min(variant, r.candidates.size() - 1));
                    out.replace(r.start, r.end, word);
                    changed = true;
                }
                if (changed) {
                    rewrites.add(out.toString());
                }
            }
            return List.copyOf(rewrites);
        } catch (IOException e) {
            // Suggestions are a courtesy; a failure to compute them must not fail the search.
            return List.of();
        }
    }

    private record Replacement(int start, int end, List<String> candidates) {}

    /** A word of the query that spelling may look at, where it is in the query and whether it is in capitals. */
    private record Checked(int start, int end, boolean capitals, Word word) {}

    private List<Replacement> unknownWords(Vocabulary vocabulary, String query, boolean includeUncertain)
            throws IOException {
        List<Checked> checked = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT_EXACT, query)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                String original = query.substring(start, end);
                boolean uncertain = isAcronym(original) || term.length() < MIN_CORRECTED_LENGTH
                        || isCode(wordAround(query, start, end));
                if (end < query.length() && query.charAt(end) == ':' || uncertain && !includeUncertain
                        || isPattern(query, start, end)) {
                    continue;
                }
                checked.add(new Checked(start, end, isAcronym(original), new Word(term.toString(), stems(original))));
            }
            ts.end();
        }
        if (checked.isEmpty()) {
            return List.of();
        }
        boolean[] known = vocabulary.known(checked.stream().map(Checked::word).toList());
        List<Checked> unknown = new ArrayList<>();
        for (int i = 0; i < known.length; i++) {
            if (!known[i]) {
                unknown.add(checked.get(i));
            }
        }
        if (unknown.isEmpty()) {
            return List.of();
        }
        List<List<String>> similar = vocabulary.similar(unknown.stream().map(c -> c.word().exact()).toList(),
                MAX_SUGGESTIONS);
        List<Replacement> out = new ArrayList<>();
        for (int i = 0; i < unknown.size(); i++) {
            Checked c = unknown.get(i);
            List<String> candidates = new ArrayList<>();
            for (String w : similar.get(i)) {
                // An acronym typed in capitals is suggested in capitals: NMDB gives NMDA, not nmda.
                candidates.add(c.capitals() ? w.toUpperCase(java.util.Locale.ROOT) : w);
            }
            out.add(new Replacement(c.start(), c.end(), candidates));
        }
        return out;
    }

    private List<String> stems(String word) throws IOException {
        List<String> stems = new ArrayList<>(1);
        try (TokenStream ts = stemmer.tokenStream(Fields.TEXT, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                stems.add(term.toString());
            }
            ts.end();
        }
        return stems;
    }

    /** A word with a wildcard or fuzzy marker ("midaz*", "keta?ine", "midazolm~") asks for variants itself. */
    private static boolean isPattern(String query, int start, int end) {
        String chunk = chunk(query, start, end);
        return chunk.indexOf('*') >= 0 || chunk.indexOf('~') >= 0 || WILDCARD_MARK.matcher(chunk).find();
    }

    /**
     * Whether a word as typed has a digit or a capital right after a small letter: a gene, a drug code or a name
     * ("Dscam1", "aPKCz", "McDonald"), not a misspelt word.
     */
    private static boolean isCode(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isDigit(c) || i > 0 && Character.isUpperCase(c) && Character.isLowerCase(word.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The letters and digits typed around the word at {@code start}..{@code end}: the whole of "deltex1" when the
     * analyzer split off its number, but not "glucose-6-" before "phospate".
     */
    private static String wordAround(String query, int start, int end) {
        return around(query, start, end, Character::isLetterOrDigit);
    }

    /** The whitespace-separated stretch of {@code query} holding the word at {@code start}..{@code end}. */
    private static String chunk(String query, int start, int end) {
        return around(query, start, end, c -> !Character.isWhitespace(c));
    }

    /** The word at {@code start}..{@code end} grown both ways over the characters {@code part} accepts. */
    private static String around(String query, int start, int end, java.util.function.IntPredicate part) {
        int from = start;
        while (from > 0 && part.test(query.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < query.length() && part.test(query.charAt(to))) {
            to++;
        }
        return query.substring(from, to);
    }

    private static boolean isAcronym(String word) {
        return word.length() <= MAX_ACRONYM_LENGTH && word.chars().anyMatch(Character::isLetter)
                && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
