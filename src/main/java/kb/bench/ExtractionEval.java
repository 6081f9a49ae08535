package kb.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kb.corpus.Article;
import kb.corpus.CorpusReader;
import kb.corpus.FileResult;
import kb.corpus.Passage;
import org.jsoup.Jsoup;

/**
 * Main-content extraction measured on saved pages laid out as in Mozilla Readability's test suite
 * ({@code <page>/source.html} beside {@code expected.html}): kb's HTML reader reads source.html, its passages' text is
 * compared with the text of expected.html as bags of lower-cased words (runs of Unicode letters and digits), and the
 * multiset overlap gives precision, recall and F1 per page. Usage: {@code ExtractionEval DIR}.
 */
public final class ExtractionEval {

    /** One page's figures; {@code error} is set when kb skipped the page (its scores are then 0). */
    public record PageScore(String page, double precision, double recall, double f1, String error) {}

    /** Every page's figures and their means. */
    public record Result(List<PageScore> pages, double precision, double recall, double f1) {}

    private ExtractionEval() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ExtractionEval DIR   (DIR holds <page>/source.html and <page>/expected.html)");
            System.exit(2);
        }
        Result r = run(Path.of(args[0]));
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Table t = new Table("page", "precision", "recall", "F1");
        for (PageScore p : r.pages()) {
            t.row(p.page() + (p.error() == null ? "" : " (" + p.error() + ")"), fmt(p.precision()), fmt(p.recall()),
                    fmt(p.f1()));
        }
        t.row("mean of " + r.pages().size(), fmt(r.precision()), fmt(r.recall()), fmt(r.f1()));
        t.print(out);
    }

    /** Scores every page folder of {@code dir} that holds both files, in name order. */
    public static Result run(Path dir) throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.list(dir)) {
            pages = s.filter(p -> Files.isRegularFile(p.resolve("source.html")) && Files.isRegularFile(p.resolve("expected.html")))
                    .sorted().toList();
        }
        CorpusReader reader = new CorpusReader();
        List<PageScore> scores = new ArrayList<>();
        for (Path page : pages) {
            scores.add(score(reader, page));
        }
        return new Result(scores, mean(scores, PageScore::precision), mean(scores, PageScore::recall),
                mean(scores, PageScore::f1));
    }

    private static PageScore score(CorpusReader reader, Path page) throws IOException {
        String name = page.getFileName().toString();
        Map<String, Integer> expected = words(Jsoup.parse(Files.readString(page.resolve("expected.html"))).text());
        FileResult r = reader.readFile(page, page.resolve("source.html"));
        if (r.articles().isEmpty()) {
            return new PageScore(name, 0, 0, 0, r.skipped() == null ? "nothing read" : r.skipped().reason());
        }
        String got = r.articles().stream().map(Article::passages).flatMap(List::stream).map(Passage::text)
                .collect(Collectors.joining(" "));
        Map<String, Integer> found = words(got);
        long overlap = 0;
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            overlap += Math.min(e.getValue(), expected.getOrDefault(e.getKey(), 0));
        }
        double p = ratio(overlap, total(found));
        double rec = ratio(overlap, total(expected));
        double f1 = p + rec == 0 ? 0 : 2 * p * rec / (p + rec);
        return new PageScore(name, p, rec, f1, null);
    }

    /** Lower-cased runs of letters and digits (any script), counted. */
    static Map<String, Integer> words(String text) {
        Map<String, Integer> bag = new HashMap<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                bag.merge(w, 1, Integer::sum);
            }
        }
        return bag;
    }

    private static long total(Map<String, Integer> bag) {
        return bag.values().stream().mapToLong(Integer::longValue).sum();
    }

    private static double ratio(long a, long b) {
        return b == 0 ? (a == 0 ? 1 : 0) : (double) a / b;
    }

    private static double mean(List<PageScore> s, java.util.function.ToDoubleFunction<PageScore> f) {
        return s.stream().mapToDouble(f).average().orElse(0);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
