package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.regex.Pattern;
import kb.index.Fields;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;

/**
 * Finds {@link CorpusExamples} in one index generation: the words are the unstemmed terms found in the most
 * passages that are all letters, at least 4 long and not common English words; the heading word is the most used
 * such word of the innermost headings (weighted by their passages); the slug and title word are those of the
 * article with the most passages. Read once per generation: one pass over the exact-text terms and the facet counts.
 */
final class CorpusExampleFinder {
    private static final int WORDS = 4;
    private static final int CANDIDATES = 64;
    private static final int PREFIX_LETTERS = 5;
    private static final int PREFIX_MIN_WORD = 8;
    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    /** Lucene's English stop words are few; these are the frequent words that would make a poor example. */
    private static final Set<String> COMMON = Set.of("about", "above", "after", "again", "also", "always", "among",
            "another", "because", "been", "before", "being", "below", "between", "both", "called", "came", "cannot",
            "could", "does", "doing", "done", "down", "during", "each", "even", "ever", "every", "find", "first", "from",
            "further", "gets", "give", "given", "going", "good", "great", "have", "having", "help", "helps", "here",
            "however", "into", "just", "keep", "know", "known", "last", "less", "like", "likely", "made", "make", "makes",
            "many", "more", "most", "much", "must", "need", "needs", "never", "next", "only", "other", "others", "over",
            "part", "people", "person", "same", "should", "show", "shown", "since", "some", "something", "still", "such",
            "take", "taken", "than", "that", "them", "themselves", "then", "there", "these", "they", "thing", "things",
            "this", "those", "though", "through", "time", "times", "under", "until", "upon", "used", "uses", "using",
            "usually", "very", "want", "well", "were", "what", "when", "where", "whether", "which", "while", "whom",
            "whose", "will", "with", "within", "without", "would", "year", "years", "your", "yours", "their", "theirs",
            "often", "several", "include", "includes", "including", "information", "able", "around", "back",
            "come", "comes", "different", "either", "enough", "example", "look", "long", "may", "might", "name", "number",
            "once", "page", "please", "really", "right", "said", "says", "seen", "shall", "sure", "tell", "thus",
            "together", "toward", "towards", "unless", "ways", "whatever", "whole", "yourself", "answer",
            "answers", "question", "questions", "frequently", "asked", "article", "section", "introduction");
    private static final CharArraySet STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    /** An article's title by its slug. */
    @FunctionalInterface
    interface Titles {
        String of(String slug) throws IOException;
    }

    private CorpusExampleFinder() {}

    static CorpusExamples find(IndexReader reader, SortedSetDocValuesReaderState facets, Titles titles)
            throws IOException {
        List<String> frequent = frequentWords(reader);
        if (frequent.isEmpty() && facets == null) {
            return CorpusExamples.NONE;
        }
        Map<String, Long> headings = new HashMap<>();
        String slug = "";
        if (facets != null) {
            headings.putAll(FacetCounter.headings(facets));
            SortedSetDocValuesFacetCounts all = new SortedSetDocValuesFacetCounts(facets);
            FacetResult articles = all.getTopChildren(1, Fields.ARTICLE);
            if (articles != null && articles.labelValues.length > 0) {
                slug = articles.labelValues[0].label;
            }
        }
        return from(frequent, headings, slug, titles);
    }

    /**
     * The examples of a corpus given its most frequent exact words (most passages first, any words: the
     * uninformative are left out here), its passages per innermost heading and its largest article: any engine's.
     */
    static CorpusExamples from(List<String> frequentWords, Map<String, Long> headings, String slug, Titles titles)
            throws IOException {
        List<String> frequent = frequentWords.stream().filter(CorpusExampleFinder::isInformative).toList();
        if (frequent.isEmpty() && headings.isEmpty() && slug.isEmpty()) {
            return CorpusExamples.NONE;
        }
        String prefix = frequent.stream().filter(w -> w.length() >= PREFIX_MIN_WORD).findFirst()
                .map(w -> w.substring(0, PREFIX_LETTERS)).orElse("");
        String titleWord = slug.isEmpty() ? "" : informative(titles.of(slug)).stream().findFirst().orElse("");
        return new CorpusExamples(frequent.subList(0, Math.min(WORDS, frequent.size())), phrase(headings),
                headingWord(headings), titleWord, slug, prefix);
    }

    /** How many frequent words {@link #from} looks among. */
    static final int FREQUENT_WORDS = CANDIDATES;

    /** The informative words of the exact-text field, most passages first. */
    private static List<String> frequentWords(IndexReader reader) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Fields.TEXT_EXACT);
        if (terms == null) {
            return List.of();
        }
        record Counted(String word, int docFreq) {}
        PriorityQueue<Counted> top = new PriorityQueue<>(Comparator.comparingInt(Counted::docFreq)
                .thenComparing(Counted::word, Comparator.reverseOrder()));
        TermsEnum it = terms.iterator();
        for (BytesRef term = it.next(); term != null; term = it.next()) {
            String word = term.utf8ToString();
            if (isInformative(word)) {
                top.add(new Counted(word, it.docFreq()));
                if (top.size() > CANDIDATES) {
                    top.poll();
                }
            }
        }
        List<Counted> best = new ArrayList<>(top);
        best.sort(Comparator.comparingInt(Counted::docFreq).reversed().thenComparing(Counted::word));
        return best.stream().map(Counted::word).toList();
    }

    private static String headingWord(Map<String, Long> headings) {
        Map<String, Long> words = new HashMap<>();
        headings.forEach((heading, passages) -> informative(heading).forEach(w -> words.merge(w, passages, Long::sum)));
        return words.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry::getKey, Comparator.<String>reverseOrder()))
                .map(Map.Entry::getKey).orElse("");
    }

    /** Two adjacent informative words of the most used heading that has them, as a phrase; else "". */
    private static String phrase(Map<String, Long> headings) {
        return headings.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> adjacentPair(e.getKey()))
                .filter(p -> !p.isEmpty())
                .findFirst().orElse("");
    }

    private static String adjacentPair(String heading) {
        String[] words = heading.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        for (int i = 0; i + 1 < words.length; i++) {
            if (isInformative(words[i]) && isInformative(words[i + 1])) {
                return words[i] + " " + words[i + 1];
            }
        }
        return "";
    }

    /** The informative words of a text, lower-cased, in order. */
    private static List<String> informative(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (isInformative(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean isInformative(String word) {
        return WORD.matcher(word).matches() && !STOP.contains(word) && !COMMON.contains(word);
    }
}
