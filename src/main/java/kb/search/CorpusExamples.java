package kb.search;

import java.util.List;

/**
 * Search examples drawn from the corpus being served, for the search tips: frequent informative words (at least
 * two), a phrase and a word from real headings, a word of a real title, a real article slug and a prefix of a real
 * word (without its {@code *}). Any may be "" when the index has nothing to draw it from.
 */
public record CorpusExamples(List<String> words, String phrase, String headingWord, String titleWord, String slug,
        String prefix) {
    /** For an index with no text at all. */
    public static final CorpusExamples NONE = new CorpusExamples(List.of(), "", "", "", "", "");

    public CorpusExamples {
        words = List.copyOf(words);
    }

    /** The {@code i}-th frequent word, or the last one there is, or "" when there are none. */
    public String word(int i) {
        return words.isEmpty() ? "" : words.get(Math.min(i, words.size() - 1));
    }

    /** Whether there are enough words for the word and operator examples. */
    public boolean hasWords() {
        return words.size() >= 2;
    }
}
