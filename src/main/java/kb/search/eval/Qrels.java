package kb.search.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relevance judgments in TREC format ({@code qid iteration docid grade}, whitespace separated), as trec_eval reads
 * them: the iteration column is ignored, a grade above 0 is relevant and counts as that much gain, a grade of 0 or
 * below is judged non-relevant. A document judged twice for one query keeps its last grade.
 */
public final class Qrels {
    private final Map<String, Map<String, Integer>> byQuery;

    public Qrels(Map<String, Map<String, Integer>> byQuery) {
        Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
        byQuery.forEach((q, docs) -> copy.put(q, Collections.unmodifiableMap(new LinkedHashMap<>(docs))));
        this.byQuery = Collections.unmodifiableMap(copy);
    }

    /** Reads a qrels file; a line that is not four fields with an integer grade fails with its line number. */
    public static Qrels read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, Map<String, Integer>> byQuery = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 4) {
                throw new IOException(file + " line " + (i + 1) + ": expected `qid 0 docid grade`, found \"" + line + "\"");
            }
            int grade;
            try {
                grade = Integer.parseInt(f[3]);
            } catch (NumberFormatException e) {
                throw new IOException(file + " line " + (i + 1) + ": the grade \"" + f[3] + "\" is not a whole number");
            }
            byQuery.computeIfAbsent(f[0], q -> new LinkedHashMap<>()).put(f[2], grade);
        }
        return new Qrels(byQuery);
    }

    /** Every judgment of the query (document id to grade), empty when it has none. */
    public Map<String, Integer> judgments(String queryId) {
        return byQuery.getOrDefault(queryId, Map.of());
    }

    /** How many documents are judged relevant (grade above 0) for the query. */
    public int relevantCount(String queryId) {
        return (int) judgments(queryId).values().stream().filter(g -> g > 0).count();
    }

    public int queryCount() {
        return byQuery.size();
    }
}
