package kb.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * What {@code kb index} needs beside {@link ClusterOptions} ({@code --solr}, {@code --collection}) to index into a
 * cluster: the layout of a new collection, and the local mirror index ({@code --mirror}) where kb's own indexer keeps
 * the corpus's state between runs.
 */
final class SolrIndexOptions {
    /** The options that mean nothing without {@code --solr}. */
    static final java.util.List<String> NAMES = java.util.List.of("--collection", "--shards", "--replicas", "--mirror");

    /** Where mirrors live by default: one folder per collection, beside the embedded index, never inside it. */
    static final Path MIRRORS = Path.of("index-solr");

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

    /** {@code --mirror}, or the default mirror of {@code collection}. */
    Path mirrorDir(String collection) {
        return mirror != null ? mirror : MIRRORS.resolve(collection);
    }
}
