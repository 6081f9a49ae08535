package kb.search.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a query file: one query a line, {@code id TAB text} (BEIR's {@code queries.tsv}, kb's judged sets). Blank
 * lines are skipped; a line without a tab, or an id given twice, fails with its line number. Order is kept.
 */
public final class QueryFile {
    private QueryFile() {}

    public static Map<String, String> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, String> queries = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                throw new IOException(file + " line " + (i + 1) + ": expected `id<TAB>query text`");
            }
            String id = line.substring(0, tab).strip();
            if (queries.putIfAbsent(id, line.substring(tab + 1).strip()) != null) {
                throw new IOException(file + " line " + (i + 1) + ": query id \"" + id + "\" appears twice");
            }
        }
        return queries;
    }
}
