package kb.solr.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kb.index.IndexProgress;
import kb.index.IndexReport;
import kb.index.Indexer;
import kb.index.StoredArticles;
import kb.solr.SolrNodes;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.common.SolrException;

/**
 * Brings a kb collection on SolrCloud up to date from the corpus: kb's {@link Indexer} updates the mirror index, then
 * {@link ClusterSync} makes the collection hold what the mirror holds. Users name an alias; the collection behind it
 * is {@code NAME_yyyyMMddHHmmss}. Without one, or with a full rebuild, a new collection is made, filled, committed
 * and only then given the alias (the old one deleted after the switch), so searches see the old collection or the new
 * one, never a half-built one; a build that fails deletes its half-built collection and leaves the alias as it was.
 * Rule: the cluster is asked before the mirror is touched, so an unreachable one changes nothing.
 */
public final class SolrIndexer {
    /** What was asked: the alias, and the layout a new collection gets. */
    public record Target(String alias, int shards, int replicas) {
        public Target {
            if (!NAME.matcher(alias).matches()) {
                throw new IllegalArgumentException("not a collection name (letters, digits, '.', '_' and '-', not "
                        + "starting with '-'): " + alias);
            }
            if (shards < 1 || replicas < 1) {
                throw new IllegalArgumentException("a collection needs at least 1 shard and 1 replica, not "
                        + shards + " × " + replicas);
            }
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.-]*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final SolrNodes nodes;
    private final Cluster cluster;
    private final Indexer indexer;
    private final Clock clock;

    public SolrIndexer(SolrNodes nodes, Indexer indexer, Clock clock) {
        this.nodes = nodes;
        this.cluster = new Cluster(nodes);
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * Updates the mirror in {@code mirrorDir} from {@code corpusDir} ({@code mode} FULL also builds a new collection),
     * then the collection. Throws {@code SolrUnavailableException} (nothing changed) when no node answers at first,
     * and IOException with a one-line reason when the alias names a collection kb did not make or Solr refuses.
     */
    public SolrIndexReport index(Path corpusDir, Path mirrorDir, Target target, Indexer.Mode mode,
            IndexProgress progress, Indexer.Options options) throws IOException {
        try {
            Optional<String> current = current(target.alias());
            IndexReport mirrored = indexer.index(corpusDir, mirrorDir, mode, progress, options);
            if (!mirrored.committed() && !mirrored.upToDate()) {
                return new SolrIndexReport(mirrored, null, target.alias(), null, false, "");
            }
            try (StoredArticles mirror = StoredArticles.open(mirrorDir)) {
                if (current.isPresent() && mode == Indexer.Mode.INCREMENTAL) {
                    SolrIndexReport.Changes outcome = update(mirror, mirrorDir, target.alias(), current.get());
                    SolrIndexReport.Layout layout = cluster.layout(current.get());
                    return new SolrIndexReport(mirrored, outcome, target.alias(), layout, false, configNote(layout));
                }
                SolrIndexReport report = rebuild(mirror, mirrored, target, current);
                // The collection an earlier run left changes in is gone or was never aliased.
                new PendingSync(mirrorDir).committed();
                return report;
            }
        } catch (SolrServerException | SolrException e) {
            throw new IOException("Solr refused: " + firstLine(e), e);
        }
    }

    /**
     * Updates the collection behind the alias in place, sending again what an earlier run left uncommitted, and
     * recording what this one touches until its commit lands.
     */
    private SolrIndexReport.Changes update(StoredArticles mirror, Path mirrorDir, String alias, String collection)
            throws IOException, SolrServerException {
        PendingSync pending = new PendingSync(mirrorDir);
        ClusterSync sync = new ClusterSync(nodes, alias);
        ClusterSync.Plan plan = sync.plan(mirror, pending.suspects(collection));
        if (!plan.nothing()) {
            pending.touching(collection, plan.touched());
        }
        SolrIndexReport.Changes outcome;
        try {
            outcome = sync.apply(mirror, plan);
        } catch (IOException | SolrServerException | SolrException e) {
            throw new IOException("sending the changes to " + alias + " failed (" + firstLine(e) + "); nothing was "
                    + "committed, so searches see the collection as it was; run kb index --solr again to finish", e);
        }
        pending.committed();
        return outcome;
    }

    /** Fills a new collection from the mirror, then moves the alias to it and deletes the old one. */
    private SolrIndexReport rebuild(StoredArticles mirror, IndexReport mirrored, Target target, Optional<String> old)
            throws IOException, SolrServerException {
        ConfigSet configSet = ConfigSet.bundled();
        cluster.upload(configSet);
        String fresh = freshName(target.alias());
        cluster.create(fresh, configSet.name(), target.shards(), target.replicas());
        SolrIndexReport.Changes outcome;
        try {
            outcome = new ClusterSync(nodes, fresh).from(mirror);
            cluster.pointAlias(target.alias(), fresh);
        } catch (IOException | SolrServerException | RuntimeException e) {
            String why = firstLine(e);
            String cleanup;
            try {
                cluster.delete(fresh);
                cleanup = "the half-built collection was deleted";
            } catch (IOException | SolrServerException | RuntimeException again) {
                cleanup = "the half-built collection " + fresh + " could not be deleted (" + firstLine(again) + ")";
            }
            throw new IOException("building the collection failed (" + why + "); " + cleanup + "; "
                    + (old.isPresent() ? target.alias() + " still points at the previous one" : "no alias was made"), e);
        }
        String note = "";
        if (old.isPresent()) {
            try {
                cluster.delete(old.get());
            } catch (IOException | SolrServerException | RuntimeException e) {
                note = "The previous collection " + old.get() + " could not be deleted (" + firstLine(e)
                        + "); delete it with Solr's DELETE collection command.";
            }
        }
        return new SolrIndexReport(mirrored, outcome, target.alias(), cluster.layout(fresh), true, note);
    }

    /** The collection the alias points at; empty when there is none yet. Refuses a name kb cannot index through. */
    private Optional<String> current(String alias) throws IOException, SolrServerException {
        Optional<List<String>> pointed = cluster.alias(alias);
        if (pointed.isEmpty()) {
            if (cluster.collectionExists(alias)) {
                throw new IOException(alias + " is a collection that kb did not make (kb makes an alias of that name); "
                        + "choose another --collection");
            }
            return Optional.empty();
        }
        if (pointed.get().size() != 1) {
            throw new IOException("the alias " + alias + " points at " + pointed.get().size()
                    + " collections; kb's aliases point at one");
        }
        String collection = pointed.get().get(0);
        String configSet = cluster.layout(collection).configSet();
        if (!configSet.startsWith(ConfigSet.NAME_PREFIX)) {
            throw new IOException("the collection behind " + alias + " uses the config set '" + configSet
                    + "', not one of kb's; choose another --collection");
        }
        return Optional.of(collection);
    }

    /** {@code alias_yyyyMMddHHmmss}, one second later while that name is taken. */
    private String freshName(String alias) throws IOException, SolrServerException {
        java.time.Instant at = clock.instant();
        String name = alias + "_" + STAMP.format(at);
        while (cluster.collectionExists(name)) {
            at = at.plusSeconds(1);
            name = alias + "_" + STAMP.format(at);
        }
        return name;
    }

    private static String configNote(SolrIndexReport.Layout layout) {
        String bundled = ConfigSet.bundled().name();
        return layout.configSet().equals(bundled) ? ""
                : "The collection uses the config set " + layout.configSet() + "; this kb ships " + bundled
                        + ": run with --full to rebuild the collection with it.";
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
