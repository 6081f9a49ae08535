package kb.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import kb.index.Fields;
import kb.search.LuceneSearchEngine;
import kb.search.SearchEngine;
import kb.search.eval.QueryFile;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The query sets the benchmark runs, each deterministic so runs compare: a query file ({@code id TAB text}, as
 * SciFact's claims), the {@code ## } section questions of a folder of Markdown articles (MedQuAD), or single words
 * taken from an index's unstemmed text field. Samples are evenly spaced over the sorted candidates, not random.
 */
public final class QuerySets {
    private QuerySets() {}

    /** Every query of an {@code id TAB text} file, in file order. */
    public static List<String> fromFile(Path file) throws IOException {
        return List.copyOf(QueryFile.read(file).values());
    }

    /** Up to {@code n} of the {@code ## } headings of the Markdown files under {@code dir}, evenly spaced. */
    public static List<String> markdownQuestions(Path dir, int n) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md"))
                    .sorted()
                    .toList();
        }
        List<String> headings = new ArrayList<>();
        for (Path f : files) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("## ") && !line.substring(3).isBlank()) {
                    headings.add(line.substring(3).strip());
                }
            }
        }
        return evenlySpaced(headings, n);
    }

    /**
     * Up to {@code n} indexed words, evenly spaced in alphabetical order: letters only, 4 to 20 long, in at least
     * two passages, read from the unstemmed text field of the kb index in {@code indexDir}.
     */
    public static List<String> indexedWords(Path indexDir, int n) throws IOException {
        List<String> words = new ArrayList<>();
        try (FSDirectory dir = FSDirectory.open(indexDir); DirectoryReader reader = DirectoryReader.open(dir)) {
            Terms terms = MultiTerms.getTerms(reader, Fields.TEXT_EXACT);
            if (terms != null) {
                TermsEnum it = terms.iterator();
                for (BytesRef term = it.next(); term != null; term = it.next()) {
                    String word = term.utf8ToString();
                    if (word.length() >= 4 && word.length() <= 20 && word.chars().allMatch(c -> c >= 'a' && c <= 'z')
                            && it.docFreq() >= 2) {
                        words.add(word);
                    }
                }
            }
        }
        return evenlySpaced(words, n);
    }

    /**
     * {@code query} as plain words: every character of the query syntax escaped and the operator words lower-cased,
     * so a claim such as "alpha (+)- thalassemia" or a question ending in " ?" is searched as text, as the baseline
     * searches it.
     */
    public static String asText(String query) {
        return LuceneSearchEngine.asText(query);
    }

    /** {@code n} items spread evenly over {@code all} (all of them when there are no more than {@code n}). */
    public static <T> List<T> evenlySpaced(List<T> all, int n) {
        if (all.size() <= n) {
            return List.copyOf(all);
        }
        List<T> picked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            picked.add(all.get((int) ((long) i * all.size() / n)));
        }
        return picked;
    }
}
