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
        new Rule("^(an|h|leuk|isch|septic|hyperglyc|hypoglyc|glyc|tox|bacter|ur)aem", "$1em"),
        new Rule("^haem", "hem"),
        new Rule("aemia", "emia"),
        new Rule("^oesoph", "esoph"),
        new Rule("^oestr", "estr"),
        new Rule("^oedem", "edem"),
        new Rule("^foet", "fet"),
        new Rule("^(ortho)?paed", "$1ped"),
        new Rule("^gynaec", "gynec"),
        new Rule("^coeliac", "celiac"),
        new Rule("^(dyspn|apn|diarrh|gonorrh|seborrh|amenorrh|logorrh)oe", "$1e"),
        new Rule("^amoeb", "ameb"),
        new Rule("^anaes", "anes"),
        new Rule("^(tum|behavi|col|hum|lab|od|fav|vap|rum|vig|neighb)our", "$1or"),
        // -ise/-isation to -ize/-ization after a stem of three letters or more; "rise", "wise" stay as they are.
        new Rule("(?<=[a-z]{3})is(e|ed|es|ing|ation|ations|er|ers)$", "iz$1"),
        new Rule("(?<=[a-z]{3})ys(e|ed|es|ing)$", "yz$1"),
    };

    private record Rule(Pattern pattern, String replacement) {
        Rule(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
    /** One matcher per rule, reset for each word: this filter runs on every token indexed, so nothing is allocated per token. */
    private final Matcher[] matchers = new Matcher[RULES.length];

    public SpellingVariantFilter(TokenStream input) {
        super(input);
        for (int i = 0; i < RULES.length; i++) {
            matchers[i] = RULES[i].pattern.matcher("");
        }
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
        String out = word;
        for (int i = 0; i < RULES.length; i++) {
            Matcher m = matchers[i].reset(out);
            if (m.find()) {
                out = m.replaceFirst(RULES[i].replacement);
            }
        }
        if (!out.equals(word)) {
            term.setEmpty().append(out);
        }
        return true;
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
