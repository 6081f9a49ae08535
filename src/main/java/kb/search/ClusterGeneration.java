package kb.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import kb.index.ExpansionDictionary;
import kb.index.Fields;
import kb.index.Redirects;

/**
 * What kb derives from one build of a cluster collection (one concrete collection, one indexing run): its commit
 * data (expansion dictionary, redirects, corpus folder) and the article titles asked for so far. A search runs
 * against one generation from start to end, so all its requests go to one concrete collection: a full rebuild
 * switches the alias between searches, never within one.
 */
final class ClusterGeneration {
    private static final int TITLES_KEPT = 10_000;

    final String collection;
    final ClusterQueries queries;
    final ClusterStored stored;
    final ClusterVectors vectors;
    final ClusterVocabulary vocabulary;
    final String run;
    final ExpansionDictionary expansions;
    final Redirects redirects;
    final Path corpusRoot;
    final long generation;
    private final Map<String, String> titles = new ConcurrentHashMap<>();
    private volatile Completions completions;
    private final java.util.concurrent.atomic.AtomicBoolean building = new java.util.concurrent.atomic.AtomicBoolean();
    /** The build before this one's, answered until this one's are built; null for the first. */
    private final Completions previousCompletions;

    ClusterGeneration(String collection, ClusterQueries queries, Map<String, String> commitData,
            ClusterGeneration previous) {
        this.previousCompletions = previous == null ? null : previous.completions;
        this.collection = collection;
        this.queries = queries;
        this.stored = new ClusterStored(queries);
        this.vectors = new ClusterVectors(queries);
        this.vocabulary = new ClusterVocabulary(queries);
        this.run = commitData.getOrDefault(Fields.COMMIT_RUN, "");
        this.expansions = ExpansionDictionary.fromCommit(commitData);
        this.redirects = Redirects.fromCommit(commitData);
        String corpus = commitData.get(Fields.COMMIT_CORPUS_PATH);
        this.corpusRoot = corpus == null || corpus.isEmpty() ? null : Path.of(corpus);
        // A number that changes with every build, for IndexState (the embedded engine's is the commit generation).
        this.generation = ((long) collection.hashCode() << 32) ^ (run.hashCode() & 0xffffffffL);
    }

    /** The titles of these articles (a slug the collection lacks is its own title), fetched once each. */
    Map<String, String> titles(List<String> slugs) throws BadQueryException {
        List<String> missing = new ArrayList<>();
        for (String slug : slugs) {
            if (!titles.containsKey(slug)) {
                missing.add(slug);
            }
        }
        if (!missing.isEmpty()) {
            if (titles.size() > TITLES_KEPT) {
                titles.clear();
            }
            Map<String, String> found = stored.firstPassageValues(missing, Fields.TITLE);
            for (String slug : missing) {
                titles.put(slug, found.getOrDefault(slug, slug));
            }
        }
        Map<String, String> out = new java.util.HashMap<>();
        for (String slug : slugs) {
            out.put(slug, titles.getOrDefault(slug, slug));
        }
        return out;
    }

    private volatile Boolean meaningOn;

    /** Whether search by meaning is on for this build: every passage has its vector (asked once). */
    boolean meaningOn() throws BadQueryException {
        Boolean on = meaningOn;
        if (on == null) {
            long with = vectors.withVectors();
            on = with > 0 && with == stored.passageCount();
            meaningOn = on;
        }
        return on;
    }

    /**
     * The completions of this build once built, else the previous build's (null when none): never waits. The first
     * call starts the build on a thread of its own (the collection's headings and titles with their passage counts).
     */
    Completions completions() {
        Completions c = completions;
        if (c == null && building.compareAndSet(false, true)) {
            Thread t = new Thread(() -> {
                try {
                    completions = new Completions(stored.headingsAndTitles(this));
                } catch (IOException | BadQueryException | RuntimeException e) {
                    // Completions are a courtesy: the next call tries again; searches are unaffected.
                    building.set(false);
                }
            }, "kb-cluster-completions");
            t.setDaemon(true);
            t.start();
        }
        return c != null ? c : previousCompletions;
    }
}
