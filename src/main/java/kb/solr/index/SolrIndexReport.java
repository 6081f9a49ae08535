package kb.solr.index;

import java.util.Locale;
import kb.index.IndexReport;

/**
 * What {@code kb index --solr} did: the mirror run's report (files read, skipped files and why, articles), what
 * changed in the collection ({@code outcome}, null when nothing could be indexed and the cluster was left alone),
 * where it went, and a {@code note} for the reader ("" when none).
 */
public record SolrIndexReport(IndexReport mirror, Changes outcome, String alias, Layout layout, boolean rebuilt,
        String note) {

    /** What a run changed in the collection, by article, the passages it sent, and whether it committed. */
    public record Changes(int added, int changed, int deleted, int unchanged, long passagesSent, boolean committed) {}

    /** A collection's layout: its config set, shards and replicas per shard. */
    public record Layout(String configSet, int shards, int replicas) {}

    /** Whether the collection now holds the corpus (changed or already up to date). */
    public boolean upToDate() {
        return outcome != null;
    }

    /** The mirror run's summary, then a line saying what changed in the collection and where it is. */
    public String summary() {
        StringBuilder out = new StringBuilder(mirror.summary());
        if (outcome == null) {
            out.append("\nThe collection ").append(alias).append(" was left as it was.");
            return out.toString();
        }
        String where = String.format(Locale.ROOT, "%s (%d shard%s × %d replica%s)", alias, layout.shards(),
                layout.shards() == 1 ? "" : "s", layout.replicas(), layout.replicas() == 1 ? "" : "s");
        if (!outcome.committed()) {
            out.append("\nCollection ").append(where).append(": up to date, nothing sent.");
        } else {
            out.append(String.format(Locale.ROOT, "%nCollection %s%s: %d added, %d changed, %d deleted, %d unchanged "
                    + "(articles); %,d passage%s sent.", where, rebuilt ? ", built anew and switched to" : "",
                    outcome.added(), outcome.changed(), outcome.deleted(), outcome.unchanged(), outcome.passagesSent(),
                    outcome.passagesSent() == 1 ? "" : "s"));
        }
        if (!note.isEmpty()) {
            out.append('\n').append(note);
        }
        return out.toString();
    }
}
