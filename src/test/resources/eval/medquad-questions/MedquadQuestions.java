import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.corpus.CorpusReader;
import kb.corpus.Passage;

/**
 * Writes the MedQuAD question set (see README.md here): N of MedQuAD's "## " questions, evenly spaced over every
 * article's sections in kb's reading order, each judged by the article and the passages it heads; and the same with
 * duplicates judged alike (every article of the same title, every section under the same question).
 *
 * <p>java -cp target/kb.jar src/test/resources/eval/medquad-questions/MedquadQuestions.java DATASET OUT N
 */
public class MedquadQuestions {
    public static void main(String[] args) throws Exception {
        List<String[]> sections = new ArrayList<>(); // slug, heading
        Map<String, List<String>> passagesOf = new HashMap<>(); // slug TAB heading -> passage ids
        Map<String, List<String>> byTitle = new HashMap<>(); // normalised title -> slugs
        Map<String, String> titleOf = new HashMap<>();
        Map<String, List<String>> byHeading = new HashMap<>(); // normalised heading -> passage ids
        new CorpusReader().read(Path.of(args[0]), article -> {
            titleOf.put(article.slug(), article.title());
            byTitle.computeIfAbsent(norm(article.title()), k -> new ArrayList<>()).add(article.slug());
            Map<String, List<String>> own = new LinkedHashMap<>();
            for (Passage p : article.passages()) {
                if (!p.sectionPath().isEmpty()) {
                    String heading = p.sectionPath().get(p.sectionPath().size() - 1);
                    own.computeIfAbsent(heading, k -> new ArrayList<>()).add(p.id());
                    byHeading.computeIfAbsent(norm(heading), k -> new ArrayList<>()).add(p.id());
                }
            }
            own.forEach((heading, ids) -> {
                sections.add(new String[] {article.slug(), heading});
                passagesOf.put(article.slug() + "\t" + heading, ids);
            });
        });
        Path out = Files.createDirectories(Path.of(args[1]));
        int n = Integer.parseInt(args[2]);
        List<String> queries = new ArrayList<>();
        List<String> article = new ArrayList<>();
        List<String> passage = new ArrayList<>();
        List<String> articleDup = new ArrayList<>();
        List<String> passageDup = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String[] s = sections.get((int) ((long) i * sections.size() / n));
            String id = "mq" + i;
            queries.add(id + "\t" + s[1].replace('\t', ' '));
            article.add(id + " 0 " + s[0] + " 1");
            passagesOf.get(s[0] + "\t" + s[1]).forEach(p -> passage.add(id + " 0 " + p + " 1"));
            byTitle.get(norm(titleOf.get(s[0]))).forEach(a -> articleDup.add(id + " 0 " + a + " 1"));
            byHeading.get(norm(s[1])).forEach(p -> passageDup.add(id + " 0 " + p + " 1"));
        }
        Files.write(out.resolve("queries.tsv"), queries);
        Files.write(out.resolve("qrels-article.txt"), article);
        Files.write(out.resolve("qrels-passage.txt"), passage);
        Files.write(out.resolve("qrels-article-dup.txt"), articleDup);
        Files.write(out.resolve("qrels-passage-dup.txt"), passageDup);
        System.out.println(sections.size() + " sections; " + n + " questions written to " + out);
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replace("'s", "").replaceAll("[^a-z0-9]+", " ").strip();
    }
}
