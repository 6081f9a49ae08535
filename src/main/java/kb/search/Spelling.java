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
 * is more likely an acronym the corpus lacks than a typo.
 */
final class Spelling {
    private static final int MAX_SUGGESTIONS = 3;
    private static final int MAX_ACRONYM_LENGTH = 6;
    /** Shorter words are too often real words the corpus lacks ("many" is not a typo of "may"). */
    private static final int MIN_CORRECTED_LENGTH = 5;

    private final DirectSpellChecker checker = new DirectSpellChecker();
    private final Analyzer analyzer = Analyzers.exact();
    private final Analyzer stemmer = Analyzers.english();
    /** A '?' before a letter or digit is a one-character wildcard; compiled once, as every query checks it. */
    private static final java.util.regex.Pattern WILDCARD_MARK = java.util.regex.Pattern.compile("\\?[\\p{L}\\p{N}]");
    private static final List<String> STEMMED_FIELDS = List.of(Fields.TEXT, Fields.SECTION, Fields.TITLE);

    /**
     * Up to three rewrites of {@code query} with each unknown word replaced; empty when every word is known. Only
     * words safe to correct count, unless {@code includeUncertain}: then acronyms and short words are offered
     * too, as suggestions for a query that found nothing (never as corrections).
     */
    List<String> corrections(IndexReader reader, String query, boolean includeUncertain) {
        try {
            List<Replacement> unknown = unknownWords(reader, query, includeUncertain);
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

    private List<Replacement> unknownWords(IndexReader reader, String query, boolean includeUncertain) throws IOException {
        List<Replacement> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(Fields.TEXT_EXACT, query)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int start = offset.startOffset();
                int end = offset.endOffset();
                String original = query.substring(start, end);
                boolean uncertain = isAcronym(original) || term.length() < MIN_CORRECTED_LENGTH;
                if (end < query.length() && query.charAt(end) == ':' || uncertain && !includeUncertain
                        || isPattern(query, start, end)) {
                    continue;
                }
                Term t = new Term(Fields.TEXT_EXACT, term.toString());
                if (reader.docFreq(t) > 0 || stemIsIndexed(reader, original)) {
                    continue;
                }
                List<String> candidates = new ArrayList<>();
                boolean capitals = isAcronym(original);
                for (SuggestWord w : checker.suggestSimilar(t, MAX_SUGGESTIONS, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                    // An acronym typed in capitals is suggested in capitals: NMDB gives NMDA, not nmda.
                    candidates.add(capitals ? w.string.toUpperCase(java.util.Locale.ROOT) : w.string);
                }
                out.add(new Replacement(start, end, candidates));
            }
            ts.end();
        }
        return out;
    }

    /** A word found only in a heading or title, or only in another inflection, is known too. */
    private boolean stemIsIndexed(IndexReader reader, String word) throws IOException {
        try (TokenStream ts = stemmer.tokenStream(Fields.TEXT, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            boolean known = false;
            while (ts.incrementToken()) {
                String stem = term.toString();
                for (String field : STEMMED_FIELDS) {
                    known |= reader.docFreq(new Term(field, stem)) > 0;
                }
            }
            ts.end();
            return known;
        }
    }

    /** A word with a wildcard or fuzzy marker ("midaz*", "keta?ine", "midazolm~") asks for variants itself. */
    private static boolean isPattern(String query, int start, int end) {
        int from = start;
        while (from > 0 && !Character.isWhitespace(query.charAt(from - 1))) {
            from--;
        }
        int to = end;
        while (to < query.length() && !Character.isWhitespace(query.charAt(to))) {
            to++;
        }
        String chunk = query.substring(from, to);
        return chunk.indexOf('*') >= 0 || chunk.indexOf('~') >= 0 || WILDCARD_MARK.matcher(chunk).find();
    }

    private static boolean isAcronym(String word) {
        return word.length() <= MAX_ACRONYM_LENGTH && word.chars().anyMatch(Character::isLetter)
                && word.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
    }
}
