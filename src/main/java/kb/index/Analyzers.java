package kb.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers, built in one place and used alike at index, query and highlight time: English with stemming for
 * prose fields, the same chain without the stemmer for {@link Fields#TEXT_EXACT}, and keyword for exact fields.
 * Both prose chains fold accents ("Müller" finds "Muller"), map British spellings to American ones, split a unit
 * from its number ("0.5mg" is "0.5 mg"), and drop English stop words, so a question's "is" and "the" neither match
 * nor hurt. Hyphenated words are split by the tokenizer, so "out-of-body" and "out of body" match each other.
 */
public final class Analyzers {
    private Analyzers() {}

    /**
     * Standard tokenizer, number–unit split, possessives, lower case, ASCII folding, English stop words, British
     * spellings, Porter stemming.
     */
    public static Analyzer english() {
        return new ProseAnalyzer(true);
    }

    /** As {@link #english()} without the stemmer. */
    public static Analyzer exact() {
        return new ProseAnalyzer(false);
    }

    /** Standard tokenizer, lower case and ASCII folding only: for matching query phrases against dictionaries. */
    public static Analyzer plain() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }
        };
    }

    /** Standard tokenizer and ASCII folding, capitals kept: for reading dictionaries whose case matters. */
    public static Analyzer cased() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(source));
            }
        };
    }

    /** The analyzer for every field, chosen by field name; give this to writers, parsers and highlighters. */
    public static Analyzer perField() {
        Analyzer keyword = new KeywordAnalyzer();
        return new PerFieldAnalyzerWrapper(english(), Map.of(
                Fields.TEXT_EXACT, exact(),
                Fields.ID, keyword,
                Fields.ARTICLE, keyword,
                Fields.SECTION_PATH, keyword,
                Fields.KIND, keyword,
                Fields.SOURCE, keyword,
                Fields.CITES, keyword,
                Fields.REF_YEAR, keyword));
    }

    /** The tokenizer of the prose chains. */
    static Tokenizer proseTokenizer() {
        return new StandardTokenizer();
    }

    /**
     * The prose chain up to the stemmer: the whole of {@link #exact()}; {@link #english()} adds Porter stemming.
     * {@link AnalysedText} runs it once and keeps both forms of every token.
     */
    static TokenStream unstemmed(Tokenizer source) {
        TokenStream result = new NumberUnitFilter(source);
        result = new EnglishPossessiveFilter(result);
        result = new LowerCaseFilter(result);
        result = new ASCIIFoldingFilter(result);
        // Stop words before spellings: no rule turns a word into or out of a stop word, and "is" and "this"
        // would otherwise be tried against every rule.
        result = new StopFilter(result, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        return new SpellingVariantFilter(result);
    }

    private static final class ProseAnalyzer extends Analyzer {
        private final boolean stem;

        ProseAnalyzer(boolean stem) {
            this.stem = stem;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = proseTokenizer();
            TokenStream result = unstemmed(source);
            if (stem) {
                result = new PorterStemFilter(result);
            }
            return new TokenStreamComponents(source, result);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            // Wildcard and prefix terms are normalised, not analysed: lower case and fold, never stem.
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
