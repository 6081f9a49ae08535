package kb.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.CharsRef;

/**
 * The query expansions of one index generation: abbreviations learned from the corpus (short form to long form
 * and back) and a hand-kept synonym list in Solr's format. Built once when an index generation is opened, from
 * what the indexer stored in the commit; finds, in a query's text, each phrase it can expand (longest match first).
 */
public final class ExpansionDictionary {
    public static final ExpansionDictionary EMPTY = new ExpansionDictionary(Map.of());
    /** Commit user data keys. */
    public static final String COMMIT_ABBREVIATIONS = "kb.abbreviations";
    public static final String COMMIT_SYNONYMS = "kb.synonyms";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Thread-safe, like every Lucene analyzer; shared by all dictionaries. */
    private static final Analyzer MATCHING = Analyzers.plain();
    /** For reading synonym lists: keeps capitals, so "WHO" can be told from "who". */
    private static final Analyzer CASED = Analyzers.cased();
    /** An all-capitals key this short must be typed in capitals: "WHO", "IV" and "ECT" are also plain words. */
    private static final int MAX_CAPITALS_ONLY = 3;

    /** One expansion: a query phrase and what it also means; {@code abbreviation} tells how it was learned. */
    public record Target(String text, boolean abbreviation) {}

    /** A phrase found in a query at [start, end), with what it expands to. */
    public record Match(int start, int end, String found, List<Target> targets) {}

    /** What a key expands to, and whether the query must have it in capitals to count. */
    private record Entry(boolean capitalsOnly, List<Target> targets) {}

    private final Map<List<String>, Entry> byTokens;
    private final int longest;

    private ExpansionDictionary(Map<List<String>, Entry> byTokens) {
        this.byTokens = byTokens;
        this.longest = byTokens.keySet().stream().mapToInt(List::size).max().orElse(0);
    }

    /** Builds the dictionary from abbreviations (short form to long form) and the text of a synonyms file. */
    public static ExpansionDictionary of(Map<String, String> abbreviations, String synonyms) throws IOException, ParseException {
        Map<List<String>, Entry> map = new HashMap<>();
        abbreviations.forEach((shortForm, longForm) -> {
            add(map, shortForm, new Target(longForm, true));
            add(map, longForm, new Target(shortForm, true));
        });
        for (String[] pair : synonymPairs(synonyms)) {
            add(map, pair[0], new Target(pair[1], false));
        }
        return new ExpansionDictionary(map);
    }

    /** The dictionary stored in an index commit; an index without one gives {@link #EMPTY}. */
    public static ExpansionDictionary fromCommit(Map<String, String> userData) {
        try {
            String abbreviations = userData.get(COMMIT_ABBREVIATIONS);
            Map<String, String> abbr = abbreviations == null ? Map.of()
                    : JSON.readValue(abbreviations, new TypeReference<LinkedHashMap<String, String>>() {});
            return of(abbr, userData.getOrDefault(COMMIT_SYNONYMS, ""));
        } catch (IOException | ParseException e) {
            // The indexer validated both before storing them; an unreadable entry only loses expansions.
            return EMPTY;
        }
    }

    /** Commit user data holding these abbreviations and synonyms. */
    public static Map<String, String> commitData(Map<String, String> abbreviations, String synonyms) {
        try {
            return Map.of(COMMIT_ABBREVIATIONS, JSON.writeValueAsString(abbreviations), COMMIT_SYNONYMS, synonyms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /**
     * Parses a Solr-format synonym list ("a, b, c" for equivalents, "a => b" for one way) with Lucene's parser.
     * Each pair is {input, output}, words separated by single spaces.
     */
    public static List<String[]> synonymPairs(String text) throws IOException, ParseException {
        List<String[]> pairs = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        SolrSynonymParser parser = new SolrSynonymParser(true, true, CASED) {
            @Override
            public void add(CharsRef input, CharsRef output, boolean includeOrig) {
                String in = input.toString().replace(SynonymMap.WORD_SEPARATOR, ' ');
                String out = output.toString().replace(SynonymMap.WORD_SEPARATOR, ' ');
                if (!in.equalsIgnoreCase(out)) {
                    pairs.add(new String[] {in, out});
                }
            }
        };
        parser.parse(new StringReader(text));
        return pairs;
    }

    public boolean isEmpty() {
        return byTokens.isEmpty();
    }

    public int size() {
        return byTokens.size();
    }

    /** The expandable phrases in {@code query}, left to right, longest first where they overlap. */
    public List<Match> find(String query) {
        if (byTokens.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        List<int[]> offsets = new ArrayList<>();
        try (TokenStream ts = MATCHING.tokenStream("", query)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                words.add(term.toString());
                offsets.add(new int[] {offset.startOffset(), offset.endOffset()});
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            int matched = 0;
            for (int n = Math.min(longest, words.size() - i); n >= 1 && matched == 0; n--) {
                Entry entry = byTokens.get(words.subList(i, i + n));
                if (entry != null) {
                    int start = offsets.get(i)[0];
                    int end = offsets.get(i + n - 1)[1];
                    String found = query.substring(start, end);
                    if (!entry.capitalsOnly() || found.equals(found.toUpperCase(Locale.ROOT))) {
                        matches.add(new Match(start, end, found, entry.targets()));
                        matched = n;
                    }
                }
            }
            i += Math.max(1, matched);
        }
        return matches;
    }

    private static void add(Map<List<String>, Entry> map, String surface, Target target) {
        List<String> key = tokens(surface);
        if (key.isEmpty()) {
            return;
        }
        boolean capitalsOnly = surface.length() <= MAX_CAPITALS_ONLY && surface.chars().anyMatch(Character::isLetter)
                && surface.equals(surface.toUpperCase(Locale.ROOT));
        Entry entry = map.computeIfAbsent(key, k -> new Entry(capitalsOnly, new ArrayList<>()));
        if (entry.targets().stream().noneMatch(t -> t.text().equalsIgnoreCase(target.text()))) {
            entry.targets().add(target);
        }
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = MATCHING.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return List.copyOf(out);
    }
}
