package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import kb.index.Analyzers;
import kb.index.Fields;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.suggest.InputIterator;
import org.apache.lucene.search.suggest.Lookup;
import org.apache.lucene.search.suggest.analyzing.AnalyzingInfixSuggester;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * Autocomplete for one index generation: section headings and article titles through Lucene's
 * {@link AnalyzingInfixSuggester} (any word of a heading may be the one being typed), and completions of the last
 * word typed from the index's own terms, most frequent first. Built once per generation, then read-only; the words
 * are read from the reader of each request, so a newer generation may answer with these headings while its own are
 * being built.
 */
final class Completions implements AutoCloseable {
    /** Fewer letters than this complete to too many words to be useful. */
    static final int MIN_PREFIX = 2;
    private static final int MAX_TERMS_SCANNED = 5_000;

    private final AnalyzingInfixSuggester headings;

    /** {@code headings} maps each heading or title to how many passages sit under it (its weight). */
    Completions(Map<String, Long> headings) throws IOException {
        this.headings = new AnalyzingInfixSuggester(new ByteBuffersDirectory(), Analyzers.plain());
        this.headings.build(new WeightedStrings(headings));
    }

    /** The indexed words (unstemmed) that start with a prefix, most frequent first: an index's or a cluster's. */
    @FunctionalInterface
    interface Words {
        List<String> startingWith(String prefix, int limit) throws IOException;
    }

    /** Headings and titles that match {@code typed}, then completions of its last word from {@code reader}'s words. */
    List<Completion> complete(String typed, int limit, IndexReader reader) throws IOException {
        return complete(typed, limit, (prefix, n) -> frequentTermsStartingWith(reader, prefix, n));
    }

    /** Headings and titles that match {@code typed}, then completions of its last word from {@code words}. */
    List<Completion> complete(String typed, int limit, Words words) throws IOException {
        String text = typed.strip();
        Set<Completion> out = new LinkedHashSet<>();
        if (text.length() < MIN_PREFIX || limit < 1) {
            return List.of();
        }
        List<String> found = new ArrayList<>();
        // Ask for more than needed: the suggester ranks by weight alone, and the best reading may rank lower.
        for (Lookup.LookupResult r : headings.lookup(text, limit * 3, true, false)) {
            found.add(r.key.toString());
        }
        // The suggester orders by weight alone; a heading that starts with what was typed reads as the answer.
        String lower = text.toLowerCase(Locale.ROOT);
        found.sort(Comparator.comparing((String h) -> !h.toLowerCase(Locale.ROOT).startsWith(lower)));
        found.stream().limit(limit).forEach(h -> out.add(new Completion(h, Completion.HEADING)));
        int space = text.lastIndexOf(' ');
        String head = space < 0 ? "" : text.substring(0, space + 1);
        String last = text.substring(space + 1).toLowerCase(Locale.ROOT);
        if (last.length() >= MIN_PREFIX) {
            for (String term : words.startingWith(last, limit)) {
                if (out.size() >= limit * 2) {
                    break;
                }
                out.add(new Completion(head + term, Completion.TERM));
            }
        }
        List<Completion> list = new ArrayList<>(out);
        return list.subList(0, Math.min(limit, list.size()));
    }

    /** The indexed words (unstemmed) that start with {@code prefix}, by how many passages have them. */
    private static List<String> frequentTermsStartingWith(IndexReader reader, String prefix, int limit) throws IOException {
        Terms terms = MultiTerms.getTerms(reader, Fields.TEXT_EXACT);
        if (terms == null) {
            return List.of();
        }
        TermsEnum e = terms.iterator();
        BytesRef start = new BytesRef(prefix);
        if (e.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return List.of();
        }
        PriorityQueue<Map.Entry<String, Integer>> best =
                new PriorityQueue<>(Comparator.comparingInt(Map.Entry<String, Integer>::getValue));
        int scanned = 0;
        for (BytesRef term = e.term(); term != null && scanned < MAX_TERMS_SCANNED; term = e.next(), scanned++) {
            String word = term.utf8ToString();
            if (!word.startsWith(prefix)) {
                break;
            }
            if (!word.equals(prefix)) {
                best.add(Map.entry(word, e.docFreq()));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        List<Map.Entry<String, Integer>> sorted = new ArrayList<>(best);
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return sorted.stream().map(Map.Entry::getKey).toList();
    }

    @Override
    public void close() throws IOException {
        headings.close();
    }

    /** Lucene's suggesters read their input through this iterator; the entries here are text with a weight. */
    private static final class WeightedStrings implements InputIterator {
        private final Iterator<Map.Entry<String, Long>> entries;
        private long weight;

        WeightedStrings(Map<String, Long> entries) {
            this.entries = entries.entrySet().iterator();
        }

        @Override
        public BytesRef next() {
            if (!entries.hasNext()) {
                return null;
            }
            Map.Entry<String, Long> e = entries.next();
            weight = e.getValue();
            return new BytesRef(e.getKey());
        }

        @Override
        public long weight() {
            return weight;
        }

        @Override
        public BytesRef payload() {
            return null;
        }

        @Override
        public boolean hasPayloads() {
            return false;
        }

        @Override
        public Set<BytesRef> contexts() {
            return null;
        }

        @Override
        public boolean hasContexts() {
            return false;
        }
    }
}
