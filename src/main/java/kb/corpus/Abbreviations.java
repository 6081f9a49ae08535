package kb.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds abbreviations defined in running text, such as "N-methyl-D-aspartate (NMDA)" or "treatment-resistant
 * depression (TRD)", with the Schwartz–Hearst algorithm (Schwartz and Hearst, "A simple algorithm for identifying
 * abbreviation definitions in biomedical text", PSB 2003): the short form is a parenthesised word of 2 to 10
 * characters with a capital letter, and the long form is the shortest run of words before it in which the short
 * form's characters appear in order, its first character starting a word.
 */
public final class Abbreviations {
    /** A definition as written: short form and long form, with the text's own capitals. */
    public record Definition(String shortForm, String longForm) {}

    private static final Pattern PARENTHESISED = Pattern.compile("\\(([^()]{2,12})\\)");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:]\\s");

    private Abbreviations() {}

    /** Every definition in {@code text}, in order of appearance. */
    public static List<Definition> find(String text) {
        List<Definition> found = new ArrayList<>();
        Matcher m = PARENTHESISED.matcher(text);
        while (m.find()) {
            String shortForm = m.group(1).strip();
            if (!isShortForm(shortForm)) {
                continue;
            }
            String before = sentenceBefore(text, m.start());
            String candidate = lastWords(before, Math.min(shortForm.length() + 5, shortForm.length() * 2));
            String longForm = bestLongForm(shortForm, candidate);
            if (longForm != null) {
                found.add(new Definition(shortForm, longForm));
            }
        }
        return found;
    }

    /**
     * Keeps one long form per short form across many texts: the most frequent, the first seen on a tie.
     * Returns short form to long form in first-seen order.
     */
    public static Map<String, String> mostFrequent(Iterable<Definition> definitions) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Definition d : definitions) {
            counts.computeIfAbsent(d.shortForm(), k -> new LinkedHashMap<>()).merge(d.longForm(), 1, Integer::sum);
        }
        Map<String, String> best = new LinkedHashMap<>();
        counts.forEach((sf, longForms) -> {
            String top = null;
            int topCount = 0;
            for (Map.Entry<String, Integer> e : longForms.entrySet()) {
                if (e.getValue() > topCount) {
                    top = e.getKey();
                    topCount = e.getValue();
                }
            }
            best.put(sf, top);
        });
        return best;
    }

    private static boolean isShortForm(String s) {
        if (s.length() < 2 || s.length() > 10 || s.split("\\s+").length > 2) {
            return false;
        }
        if (!Character.isLetterOrDigit(s.charAt(0))) {
            return false;
        }
        return s.chars().anyMatch(Character::isUpperCase);
    }

    private static String sentenceBefore(String text, int end) {
        String before = text.substring(0, end);
        Matcher m = SENTENCE_END.matcher(before);
        int start = 0;
        while (m.find()) {
            start = m.end();
        }
        return before.substring(start).strip();
    }

    private static String lastWords(String text, int max) {
        String[] words = text.split("\\s+");
        int from = Math.max(0, words.length - max);
        return String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
    }

    /** The core of Schwartz–Hearst: match the short form's characters right to left inside the candidate. */
    private static String bestLongForm(String shortForm, String candidate) {
        int s = shortForm.length() - 1;
        int l = candidate.length() - 1;
        while (s >= 0) {
            char c = Character.toLowerCase(shortForm.charAt(s));
            if (!Character.isLetterOrDigit(c)) {
                s--;
                continue;
            }
            while (l >= 0 && (Character.toLowerCase(candidate.charAt(l)) != c
                    || (s == 0 && l > 0 && Character.isLetterOrDigit(candidate.charAt(l - 1))))) {
                l--;
            }
            if (l < 0) {
                return null;
            }
            l--;
            s--;
        }
        int start = candidate.lastIndexOf(' ', l) + 1;
        String longForm = candidate.substring(start).strip();
        if (longForm.length() <= shortForm.length() || !longForm.contains(" ") && !longForm.contains("-")
                || longForm.toLowerCase(java.util.Locale.ROOT).contains(shortForm.toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        return longForm;
    }
}
