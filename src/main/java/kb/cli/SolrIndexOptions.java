package kb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code kb index}'s options for a SolrCloud collection: {@code --solr URL[,URL…]} switches the command from the
 * embedded index to the collection {@code --collection NAME}; the local mirror index ({@code --mirror}) is where kb's
 * own indexer keeps the corpus's state between runs.
 */
final class SolrIndexOptions {
    /** Where mirrors live by default: one folder per collection, beside the embedded index, never inside it. */
    static final Path MIRRORS = Path.of("index-solr");

    @Option(names = "--solr", paramLabel = "URL[,URL…]",
            description = "Index into SolrCloud instead of the embedded index: the URLs of some of the cluster's nodes "
                    + "(http://host:8983/solr); a node that does not answer is passed over for the next.")
    String solr;

    @Option(names = "--collection", paramLabel = "NAME",
            description = "With --solr: the collection's name (an alias kb makes; the first run creates it).")
    String collection;

    @Option(names = "--shards", paramLabel = "N", defaultValue = "2",
            description = "With --solr: shards of a new collection (default: ${DEFAULT-VALUE}).")
    int shards;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "2",
            description = "With --solr: replicas of each shard of a new collection (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--mirror", paramLabel = "DIR",
            description = "With --solr: the local mirror index kb updates from the corpus and then copies to the "
                    + "collection, so only what changed is sent (default: index-solr/NAME; never the embedded index).")
    Path mirror;

    boolean enabled() {
        return solr != null;
    }

    Path mirrorDir() {
        return mirror != null ? mirror : MIRRORS.resolve(collection);
    }
}
