package kb.cli;

import java.time.Duration;
import java.util.List;
import kb.solr.SolrNodes;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --solr URL[,URL…] --collection NAME}: a SolrCloud cluster in place of the embedded index. */
final class ClusterOptions {
    @Option(names = "--solr", paramLabel = "URL[,URL…]",
            description = "Use the SolrCloud cluster at these node URLs (e.g. http://127.0.0.1:8983/solr) instead of "
                    + "the embedded index; any node may answer, and a node that does not is skipped.")
    String solr;

    @Option(names = "--collection", paramLabel = "NAME", defaultValue = "kb",
            description = "With --solr, the collection (or alias) to use (default: ${DEFAULT-VALUE}).")
    String collection;

    boolean wanted() {
        return solr != null;
    }

    /**
     * The cluster engine for a command that searches ({@code kb search}, {@code kb eval}) in {@code mode}: by meaning
     * too unless lexical, when the model runs here (else {@code command} says once why not, on {@code err}).
     */
    kb.search.SearchEngine openForQueries(CommandLine cmd, Duration queryTimeout, kb.search.SearchMode mode,
            java.io.PrintWriter err, String command) throws java.io.IOException {
        kb.meaning.Embedder embedder = null;
        if (mode != kb.search.SearchMode.LEXICAL) {
            kb.meaning.Meaning loaded = MeaningOption.shared();
            if (!loaded.available()) {
                err.println(command + ": " + loaded.message());
            }
            embedder = loaded.embedder().orElse(null);
        }
        return kb.search.ClusterSearchEngine.open(nodes(cmd, ClusterServe.requestTimeout(queryTimeout)), collection,
                queryTimeout, embedder);
    }

    /** The nodes given, each request allowed {@code requestTimeout}; a bad URL is the caller's parameter error. */
    SolrNodes nodes(CommandLine cmd, Duration requestTimeout) {
        List<String> urls = SolrNodes.parseList(solr);
        try {
            return SolrNodes.of(urls, requestTimeout);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, "--solr: " + e.getMessage());
        }
    }
}
