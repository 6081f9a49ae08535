package kb.index;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Rewrites the common British spellings of medical English to the American ones ("anaesthetic" to "anesthetic",
 * "haemoglobin" to "hemoglobin", "oesophagus" to "esophagus", "tumour" to "tumor", "randomised" to
 * "randomized"), at index and query time alike, so either spelling finds both. Expects lower-cased input and
 * runs before stemming. The rules are anchored to known stems so that words such as "hour" or "aerobic" are
 * left alone.
 */
public final class SpellingVariantFilter extends TokenFilter {
    private static final Rule[] RULES = {
        new Rule("^(an|h|leuk|isch|septic|hyperglyc|hypoglyc|glyc|tox|bacter|ur)aem", "$1em", "aem"),
        new Rule("^haem", "hem", "haem"),
        new Rule("aemia", "emia", "aemia"),
        new Rule("^oesoph", "esoph", "oesoph"),
        new Rule("^oestr", "estr", "oestr"),
        new Rule("^oedem", "edem", "oedem"),
        new Rule("^foet", "fet", "foet"),
        new Rule("^(ortho)?paed", "$1ped", "paed"),
        new Rule("^gynaec", "gynec", "gynaec"),
        new Rule("^coeliac", "celiac", "coeliac"),
        new Rule("^(dyspn|apn|diarrh|gonorrh|seborrh|amenorrh|logorrh)oe", "$1e", "oe"),
        new Rule("^amoeb", "ameb", "amoeb"),
        new Rule("^anaes", "anes", "anaes"),
        new Rule("^(tum|behavi|col|hum|lab|od|fav|vap|rum|vig|neighb)our", "$1or", "our"),
        // -ise/-isation to -ize/-ization after a stem of three letters or more; "rise", "wise" stay as they are.
        new Rule("(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$", "iz$1", "is"),
        new Rule("(?<=[a-z]{3})ys(e|ed|es|ing)$", "yz$1", "ys"),
    };

    /** A rewrite, and a string every word it rewrites contains, checked before the pattern is tried. */
    private record Rule(Pattern pattern, String replacement, String needle) {
        Rule(String regex, String replacement, String needle) {
            this(Pattern.compile(regex), replacement, needle);
        }
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    /** One matcher per rule, reset for each word: this filter runs on every token indexed, so nothing is allocated per token. */
    private final Matcher[] matchers = matchers();

    public SpellingVariantFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (keyword.isKeyword() || !isCandidate(term.buffer(), term.length())) {
            return true;
        }
        String word = term.toString();
        String out = rewrite(word, matchers, true);
        if (!out.equals(word)) {
            term.setEmpty().append(out);
        }
        return true;
    }

    /** New matchers for {@link #rewrite}, one per rule. */
    static Matcher[] matchers() {
        Matcher[] out = new Matcher[RULES.length];
        for (int i = 0; i < RULES.length; i++) {
            out[i] = RULES[i].pattern.matcher("");
        }
        return out;
    }

    /**
     * {@code word} with every rule applied in turn. With {@code skipByNeedle}, a rule whose needle the word lacks is
     * not tried: most candidates contain "is" and nothing else a rule looks for, and running every pattern on
     * them was a quarter of analysing text at index time. The answer is the same either way.
     */
    static String rewrite(String word, Matcher[] matchers, boolean skipByNeedle) {
        String out = word;
        for (int i = 0; i < RULES.length; i++) {
            if (skipByNeedle && !out.contains(RULES[i].needle)) {
                continue;
            }
            Matcher m = matchers[i].reset(out);
            if (m.find()) {
                out = m.replaceFirst(RULES[i].replacement);
            }
        }
        return out;
    }

    /** True when the word contains "ae", "oe", "our", "is" or "ys": a cheap test that rules out most words before any rule is tried. */
    static boolean isCandidate(char[] word, int length) {
        for (int i = 0; i + 1 < length; i++) {
            char a = word[i];
            char b = word[i + 1];
            if ((a == 'a' || a == 'o') && b == 'e' || a == 'i' && b == 's' || a == 'y' && b == 's'
                    || a == 'o' && b == 'u' && i + 2 < length && word[i + 2] == 'r') {
                return true;
            }
        }
        return false;
    }
}
