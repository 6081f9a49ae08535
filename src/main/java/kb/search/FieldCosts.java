package kb.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.index.ExpansionDictionary;
import kb.index.Fields;
import kb.index.Ranking;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * What kb's field weighting costs the ranked search, for {@code kb bench}: each query is ranked (top 10, with
 * Lucene's pruning) with the full weighting in one pass, as kb's second pass scores ({@link FirstPass}) and as a
 * query with required or excluded parts is ranked, then without the proximity bonus, then also without each field
 * in turn, and with the stemmed text field alone. The variants run in rotating order so that
 * none always goes first. Only the ranking is timed: no highlighting, counting or stored fields.
 */
public final class FieldCosts implements Closeable {
    private static final int TOP = 10;
    private static final int HITS_THRESHOLD = 1_000;

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final UserQueryParser parser = new UserQueryParser();
    private final QueryExpander expander = new QueryExpander(parser);
    private final ExpansionDictionary dictionary;

    public FieldCosts(Path indexDir) throws IOException {
        this.directory = FSDirectory.open(indexDir);
        try {
            this.reader = DirectoryReader.open(directory);
            this.dictionary = ExpansionDictionary.fromCommit(reader.getIndexCommit().getUserData());
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(directory);
            throw e;
        }
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(Ranking.similarity());
    }

    /**
     * Nanoseconds per ranked search, by variant name in display order, over {@code passes} passes of the queries
     * (taken as given, as the rest of the bench sends them; a query kb refuses is left out, and so is a form that
     * leaves nothing of a query, rather than counted as taking no time).
     */
    public Map<String, long[]> measure(List<String> queries, int warmups, int passes) throws IOException {
        List<Map<String, Query>> variants = new ArrayList<>();
        for (String q : queries) {
            try {
                Query main = parser.parse(q).main();
                if (main != null) {
                    variants.add(variants(expander.expand(main, q, dictionary)));
                }
            } catch (BadQueryException refused) {
                // kb answers it with a 400 and no search; nothing to time.
            }
        }
        List<String> names = variants.isEmpty() ? List.of() : List.copyOf(variants.get(0).keySet());
        Map<String, long[]> nanos = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        names.forEach(n -> {
            nanos.put(n, new long[variants.size() * passes]);
            counts.put(n, 0);
        });
        int turn = 0;
        for (int pass = 0; pass < warmups + passes; pass++) {
            for (int i = 0; i < variants.size(); i++, turn++) {
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((k + turn) % names.size());
                    Query query = variants.get(i).get(name);
                    if (query == null) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    searcher.search(query, new TopScoreDocCollectorManager(TOP, null, HITS_THRESHOLD));
                    long took = System.nanoTime() - t0;
                    if (pass >= warmups) {
                        int n = counts.merge(name, 1, Integer::sum);
                        nanos.get(name)[n - 1] = took;
                    }
                }
            }
        }
        nanos.replaceAll((name, series) -> java.util.Arrays.copyOf(series, counts.get(name)));
        return nanos;
    }

    private static Map<String, Query> variants(QueryExpander.Expanded expanded) {
        Query words = expanded.highlight();
        Map<String, Query> v = new LinkedHashMap<>();
        v.put("the full weighting in one pass (4 fields, expansions, proximity)", expanded.query());
        v.put("without the proximity bonus", words);
        v.put("  and without headings (section)", FieldQueries.without(words, Fields.SECTION));
        v.put("  and without titles", FieldQueries.without(words, Fields.TITLE));
        v.put("  and without unstemmed text (text_exact)", FieldQueries.without(words, Fields.TEXT_EXACT));
        v.put("stemmed text alone", FieldQueries.restrict(words, Fields.TEXT));
        return v;
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(reader, directory);
    }
}
