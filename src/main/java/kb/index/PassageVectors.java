package kb.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kb.corpus.Passage;
import kb.meaning.Embedder;
import kb.meaning.TextKey;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.VectorSimilarityFunction;

/**
 * Gives the passages of the articles a run writes their meaning vectors, on the run's reading thread: from the
 * {@link VectorCache} when their text was embedded before, else from the embedder, in batches spread over its worker
 * threads, within the run's budget. Rule: an article is written for its vectors alone only when the embedder can add
 * some; prepared articles leave in the order they came, each once every vector it was promised is in its documents;
 * an article whose every passage has a vector records the model on its first passage ({@link Fields#MEANING_MODEL}).
 */
final class PassageVectors<T> {
    /** The form of the text given to the model ({@link #textOf}); part of {@link #markerOf the vectors' marker}. */
    static final String TEXT_FORM = "title-headings-text";
    /** Texts per call of the embedder: enough to keep its workers busy, few enough to show progress. */
    static final int BATCH = 64;

    /** What giving an article its vectors came to: whether to write it, and how many passages will have one. */
    record Plan(boolean write, int vectors) {}

    private final Embedder embedder;
    /** The model of the vectors this run writes, or null when it writes none. */
    private final String model;
    private final VectorCache cache;
    private long remaining;
    /** Texts waiting for the embedder, by key, with the documents that get each one's vector. */
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    private int waitingPassages;
    /** Prepared articles held back until the texts they wait for are embedded, in corpus order. */
    private final List<T> held = new ArrayList<>();
    private int embedded;
    private long embedNanos;

    private record Waiting(String text, List<Document> docs) {}

    /**
     * {@code model} null: this run writes no vectors. {@code embedder} null: vectors only from the cache (a run
     * without the model still keeps what unchanged text had). {@code budget}: the most texts to embed.
     */
    PassageVectors(Embedder embedder, String model, VectorCache cache, long budget) {
        if (embedder != null && !markerOf(embedder.modelId()).equals(model)) {
            throw new IllegalArgumentException("vectors of " + model + " cannot come from " + embedder.modelId());
        }
        this.embedder = embedder;
        this.model = model;
        this.cache = cache;
        this.remaining = embedder == null ? 0 : budget;
    }

    /**
     * How this run treats vectors, and the meaning setting and model it commits: vectors of the embedder's model, or
     * without one of the model the index's vectors come from (carried over, none made); none while meaning is off.
     */
    static <T> PassageVectors<T> forRun(Indexer.Options options, Map<String, String> before,
            Map<String, String> carried, VectorCache cache) {
        options.meaning().record(before, carried);
        String model = options.embedder() != null ? markerOf(options.embedder().modelId())
                : before.get(Fields.COMMIT_MEANING_MODEL);
        // Recorded once vectors may be made (a run with nothing to embed changes nothing), then carried.
        if (model != null && (before.containsKey(Fields.COMMIT_MEANING_MODEL) || options.meaningBudget() > 0)) {
            carried.put(Fields.COMMIT_MEANING_MODEL, model);
        }
        boolean off = options.meaning().offAfter(before);
        return new PassageVectors<>(off ? null : options.embedder(), off ? null : model, cache, options.meaningBudget());
    }

    /**
     * Plans an article's vectors; {@code contentChanged}: it is written anyway (new, changed, or a full rebuild).
     * Vectors from the cache, and the model marker, go into {@code docs} at once; embedded ones when their batch runs.
     */
    Plan plan(List<Passage> passages, List<Document> docs, IndexedArticle was, boolean contentChanged) {
        if (!rewrites(was, contentChanged)) {
            return new Plan(false, 0);
        }
        if (model == null) {
            return new Plan(true, 0);
        }
        List<String> keys = new ArrayList<>(passages.size());
        List<float[]> found = new ArrayList<>(passages.size());
        int misses = 0;
        for (Passage p : passages) {
            String key = keyOf(textOf(p));
            keys.add(key);
            float[] vector = cache.get(key);
            found.add(vector);
            misses += vector == null ? 1 : 0;
        }
        int vectors = 0;
        for (int i = 0; i < passages.size(); i++) {
            Document doc = docs.get(i);
            if (found.get(i) != null) {
                addVector(doc, keys.get(i), found.get(i));
                vectors++;
            } else if (remaining > 0) {
                remaining--;
                waitingPassages++;
                Passage p = passages.get(i);
                waiting.computeIfAbsent(keys.get(i), k -> new Waiting(textOf(p), new ArrayList<>())).docs().add(doc);
                vectors++;
            }
        }
        if (vectors == passages.size()) {
            docs.get(0).add(new StoredField(Fields.MEANING_MODEL, model));
        }
        return new Plan(true, vectors);
    }

    /**
     * Whether an article is written: when its content changed, or to add vectors the embedder can still make. An
     * article that is not needs no documents ({@link #plan} then touches none).
     */
    boolean rewrites(IndexedArticle was, boolean contentChanged) {
        if (contentChanged) {
            return true;
        }
        boolean lacking = model != null && embedder != null && (was == null || !model.equals(was.meaningModel()));
        return lacking && remaining > 0;
    }

    /** Takes a prepared article; answers the articles ready to write, in order (none while a batch fills). */
    List<T> hold(T prepared) {
        held.add(prepared);
        return waitingPassages >= BATCH || waiting.isEmpty() ? release() : List.of();
    }

    /** Embeds what still waits and answers every article held back: the read has ended. */
    List<T> flush() {
        return release();
    }

    /** True when this run writes vectors (made or carried over). */
    boolean active() {
        return model != null;
    }

    /** Texts given to the embedder in this run. */
    int embedded() {
        return embedded;
    }

    /** Time spent embedding, in milliseconds. */
    long embedMillis() {
        return embedNanos / 1_000_000;
    }

    private List<T> release() {
        if (!waiting.isEmpty()) {
            embedWaiting();
        }
        List<T> ready = List.copyOf(held);
        held.clear();
        return ready;
    }

    private void embedWaiting() {
        List<String> keys = new ArrayList<>(waiting.keySet());
        List<String> texts = new ArrayList<>(keys.size());
        for (String key : keys) {
            texts.add(waiting.get(key).text());
        }
        embedder.ready();
        long start = System.nanoTime();
        float[][] vectors = embedder.embed(texts);
        embedNanos += System.nanoTime() - start;
        embedded += texts.size();
        for (int i = 0; i < keys.size(); i++) {
            if (vectors[i] == null || vectors[i].length != embedder.dimensions()) {
                throw new IllegalStateException("the embedder gave no " + embedder.dimensions()
                        + "-dimensional vector for a passage");
            }
            for (Document doc : waiting.get(keys.get(i)).docs()) {
                addVector(doc, keys.get(i), vectors[i]);
            }
        }
        waiting.clear();
        waitingPassages = 0;
    }

    private String keyOf(String text) {
        return TextKey.of(model, text);
    }

    /**
     * What the vectors of this run are of, as recorded on articles and in the commit: the embedder's model and the
     * form of the text it is given ({@link #TEXT_FORM}), so a change of either embeds everything again.
     */
    static String markerOf(String modelId) {
        return modelId + "/" + TEXT_FORM;
    }

    /**
     * The text a passage's vector is made from: its article's title and its headings, a line each, above its own
     * text. What a paragraph is about is often said only there: MedQuAD's "How to diagnose X ?" heads a paragraph
     * that names neither the question nor X, so by its own words it was as near that question as any other section
     * of X. A heading that repeats the title is left out; a passage with no text at all stands for its title.
     */
    static String textOf(Passage p) {
        StringBuilder text = new StringBuilder();
        line(text, p.articleTitle());
        for (String heading : p.sectionPath()) {
            if (!heading.equals(p.articleTitle())) {
                line(text, heading);
            }
        }
        line(text, p.text());
        return text.length() > 0 ? text.toString() : p.articleSlug();
    }

    private static void line(StringBuilder text, String line) {
        if (line != null && !line.isBlank()) {
            text.append(text.length() > 0 ? "\n" : "").append(line.strip());
        }
    }

    private static void addVector(Document doc, String key, float[] vector) {
        doc.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new StringField(Fields.TEXT_KEY, key, Field.Store.NO));
    }
}
