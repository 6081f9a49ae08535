package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import kb.search.Expansion;
import kb.search.MatchedBy;
import kb.search.SearchHit;
import kb.search.SearchMode;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.search.LuceneSearchEngine;
import kb.search.SearchEngine;
import kb.search.SearchLimits;
import kb.web.Citations;
import kb.web.SectionPaths;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kb search}: prints ranked passages with their section path, a marked snippet and the citation. Rule: a
 * passage found by meaning alone says so ("(by meaning)" after its kind), since nothing in it is marked.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Search the index and print ranked passages.",
                "Syntax: plain words (any may match; more matches rank higher), \"quoted phrases\", AND/OR/NOT, -word,",
                "prefix*, and filters title:, section:, article:, author:, year:, journal:, kind:."})
final class SearchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUERY", description = "The query (several words are joined with spaces).")
    List<String> words;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "10",
            description = "How many passages to print, 1 to " + SearchLimits.MAX_PAGE_SIZE + " (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--page", paramLabel = "P", defaultValue = "1", description = "Which page of results (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--exact", description = "Search the words as typed: do not correct a misspelled word.")
    boolean exact;

    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "hybrid", converter = SearchModeOption.class,
            description = SearchModeOption.DESCRIPTION)
    SearchMode mode;

    @CommandLine.Mixin
    IndexOption folder;

    @CommandLine.Mixin
    ClusterOptions cluster;

    @Option(names = "--query-timeout", paramLabel = "SECONDS", defaultValue = "2", converter = QueryTimeoutOption.class,
            description = QueryTimeoutOption.DESCRIPTION)
    Duration queryTimeout;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path index = folder.index;
        if (cluster.wanted()) {
            try (SearchEngine service = cluster.openForQueries(spec.commandLine(), queryTimeout, mode, err, "kb search")) {
                SearchPage page = service.search(new SearchRequest(String.join(" ", words), this.page, limit, null, null,
                        !exact, mode));
                print(page, mode, out);
                return 0;
            }
        }
        if (!Files.isDirectory(index)) {
            err.println("kb search: no index in " + index + "; run `kb index` first.");
            return 1;
        }
        String query = String.join(" ", words);
        // A query kb cannot run (BadQueryException: exit 2) and a search stopped at its time limit
        // (SearchTimeoutException: exit 1) are reported by Main.PlainErrors, as one plain line.
        try (SearchEngine service = LuceneSearchEngine.openForQueries(index, queryTimeout,
                MeaningOption.forQueries(index, err, "kb search"))) {
            SearchPage page = service.search(new SearchRequest(query, this.page, limit, null, null, !exact, mode));
            print(page, mode, out);
            return 0;
        }
    }

    /** The page as printed; {@code asked} is the mode the person asked for. */
    static void print(SearchPage page, SearchMode asked, PrintWriter out) {
        if (page.total() == 0) {
            out.println("No passages match \"" + page.query() + "\".");
        } else {
            long first = (long) (page.page() - 1) * page.size() + 1;
            long byMeaning = page.total() - page.byWords();
            out.printf("%d%s %s \"%s\"%s (%d ms); showing %d-%d.%n", page.byWords(), page.countsExact() ? "" : "+",
                    page.byWords() == 1 && page.countsExact() ? "passage matches" : "passages match",
                    page.correctedQuery() != null ? page.correctedQuery() : page.query(),
                    byMeaning == 0 ? "" : ", " + byMeaning + " more related by meaning", page.tookMs(), first,
                    first + page.hits().size() - 1);
        }
        if (page.correctedQuery() != null) {
            out.println("Showing results for \"" + page.correctedQuery() + "\" (no passage has \"" + page.query()
                    + "\"; add --exact to search for it as typed).");
        }
        if (asked == SearchMode.SEMANTIC && page.mode() != SearchMode.SEMANTIC) {
            out.println("Matched by words only: search by meaning needs an index with meaning vectors and a query "
                    + "without operators, quotes, fields or wildcards.");
        }
        for (Expansion e : page.expansions()) {
            out.println("Also searched: " + e.term() + " = " + e.meaning() + " (" + e.source() + ")");
        }
        if (!page.didYouMean().isEmpty()) {
            out.println("Did you mean: " + String.join(" | ", page.didYouMean()));
        }
        if (!page.articles().isEmpty()) {
            out.println("Articles about this: " + String.join("; ", page.articles().stream()
                    .map(a -> a.title() + " (" + a.passages() + (a.passages() == 1 ? " passage)" : " passages)"))
                    .toList()));
        }
        long rank = (long) (page.page() - 1) * page.size();
        for (SearchHit hit : page.hits()) {
            out.println();
            String where = hit.sectionPath().isEmpty() ? hit.title()
                    : hit.title() + SectionPaths.SEPARATOR + SectionPaths.shown(hit.sectionPath());
            out.printf("%d. %s  [%s%s%s, score %.2f]%n", ++rank, where, hit.kind(),
                    hit.matchedBy() == MatchedBy.MEANING ? " (by meaning)" : "",
                    hit.page() == null ? "" : ", p. " + hit.page(), hit.score());
            out.println("   " + hit.snippet().wrap(text -> text, "[", "]"));
            out.println("   Cite: " + Citations.of(hit));
        }
    }
}
