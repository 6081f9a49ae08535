package kb.index;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import kb.corpus.Abbreviations;
import kb.corpus.Article;
import kb.corpus.ArticleContent;
import kb.corpus.CorpusScan;
import kb.corpus.Messages;
import kb.corpus.Passage;
import kb.corpus.PassageKind;
import kb.corpus.SkippedFile;
import kb.corpus.SlugBook;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;

/**
 * One indexing pass over the corpus: prepares each article (documents, and meaning vectors through {@link
 * PassageVectors}), writes it in corpus order, then works out what left the index, the redirects and the commit
 * data, and commits once. A pass that would change nothing but per-run commit data is rolled back, so searchers
 * keep their generation and caches; an article rewritten only to add vectors is a change.
 */
final class IndexRun {
    /** The last commit's data, and what this run carries into its own commit beside the dictionary. */
    record Commit(Map<String, String> before, Map<String, String> carried, Redirects redirects,
            Map<String, SlugBook.Entry> retired) {}

    /** Commit data that says nothing about the index's content: a commit that would change only these is skipped. */
    private static final Set<String> PER_RUN_KEYS = Set.of(Fields.COMMIT_CORPUS_FINGERPRINT, Fields.COMMIT_BUILT_AT,
            Fields.COMMIT_RUN, Fields.COMMIT_CORPUS_GIVEN);

    /**
     * An article made ready for the writer; {@code docs} is null when it cannot be indexed, and {@code problem} says
     * why. {@code write}: its documents replace those in the index; {@code vectors}: how many of them have a vector.
     */
    record Prepared(Article article, String hash, String contentHash, List<Document> docs,
            List<Abbreviations.Definition> definitions, String problem, boolean write, int vectors) {}

    private final IndexWriter writer;
    private final Indexer.Mode mode;
    private final Map<String, IndexedArticle> previous;
    private final Indexer.Options options;
    /** Content hash -> slug of the articles new to the index, to recognise renamed files. */
    private final Map<String, String> newcomers = new HashMap<>();
    private final PassageDocuments documents = new PassageDocuments(PassageDocuments.facetsConfig());
    private final Map<String, Integer> byKind = new TreeMap<>();
    private final List<Abbreviations.Definition> definitions = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private final List<SkippedFile> unindexable = new ArrayList<>();
    private int articles;
    private int added;
    private int changed;
    private int unchanged;
    /** Articles whose content is unchanged, rewritten to add vectors. */
    private int refreshed;
    /** Passages, among the articles written or kept so far, that have a vector. */
    private long vectors;
    private final PassageVectors<Prepared> meaning;

    private final IndexProgress.Tracker progress;

    IndexRun(IndexWriter writer, Indexer.Mode mode, Map<String, IndexedArticle> previous, Indexer.Options options,
            PassageVectors<Prepared> meaning, IndexProgress.Tracker progress) {
        this.meaning = meaning;
        this.writer = writer;
        this.mode = mode;
        this.previous = previous;
        this.options = options;
        this.progress = progress;
    }

    /**
     * What writing an article needs, worked out from the article alone: its hash, its documents (or why it
     * cannot be indexed), its vectors and the abbreviations it defines. Runs on the reading thread, ahead of the
     * writer; answers the articles ready to write, in corpus order (none while a batch of texts to embed fills).
     */
    List<Prepared> prepare(Article article) {
        return meaning.hold(prepareOne(article));
    }

    /** The articles still held back for their vectors, once the read has ended. */
    List<Prepared> endOfRead() {
        return meaning.flush();
    }

    private Prepared prepareOne(Article article) {
        String hash = ArticleHash.of(article);
        String content = ArticleContent.hash(article);
        IndexedArticle was = previous.get(article.slug());
        boolean contentChanged = mode == Indexer.Mode.FULL || was == null || !was.hash().equals(hash);
        List<Document> docs;
        try {
            // An article left as it is in the index needs no documents: its text is not analysed at all.
            docs = meaning.rewrites(was, contentChanged) ? documents.documents(article, hash, content) : List.of();
        } catch (IllegalArgumentException e) {
            // A value Lucene cannot hold (an immense id, a heading past the facet path limit) rules out this
            // article only; its file is reported and the update goes on.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : Messages.firstLine(e.getMessage());
            return new Prepared(article, hash, content, null, List.of(), "cannot index article: "
                    + (why.length() > 200 ? why.substring(0, 200) + "…" : why), false, 0);
        }
        List<Abbreviations.Definition> found = new ArrayList<>();
        for (Passage p : article.passages()) {
            if (p.kind() != PassageKind.REFERENCE) {
                found.addAll(Abbreviations.find(p.text()));
            }
        }
        PassageVectors.Plan plan = meaning.plan(article.passages(), docs, was, contentChanged);
        return new Prepared(article, hash, content, docs, found, null, plan.write(), plan.vectors());
    }

    /** Writes a prepared article, in corpus order, on the thread that owns the writer. */
    void write(Prepared prepared) throws IOException {
        Article article = prepared.article();
        if (prepared.docs() == null) {
            unindexable.add(new SkippedFile(article.sourceFile(), prepared.problem()));
            return;
        }
        String hash = prepared.hash();
        IndexedArticle indexed = previous.get(article.slug());
        String before = indexed == null ? null : indexed.hash();
        seen.add(article.slug());
        if (before == null) {
            added++;
            newcomers.putIfAbsent(prepared.contentHash(), article.slug());
        } else if (before.equals(hash)) {
            unchanged++;
        } else {
            changed++;
        }
        if (mode == Indexer.Mode.FULL || before == null) {
            writer.addDocuments(prepared.docs());
        } else if (prepared.write()) {
            // Delete and add in one step: no reader of this writer ever sees the article missing or doubled.
            writer.updateDocuments(new Term(Fields.ARTICLE, article.slug()), prepared.docs());
            refreshed += before.equals(hash) ? 1 : 0;
        }
        boolean written = mode == Indexer.Mode.FULL || before == null || prepared.write();
        vectors += written ? prepared.vectors() : indexed.vectors();
        for (Passage p : article.passages()) {
            byKind.merge(p.kind().label(), 1, Integer::sum);
        }
        definitions.addAll(prepared.definitions());
        articles++;
        progress.article(article, meaning.active() ? vectors : -1);
    }

    IndexReport finish(CorpusScan scan, List<SkippedFile> configProblems, String synonyms, String fingerprint,
            long start, Commit commit) throws IOException {
        List<String> gone = new ArrayList<>();
        for (String slug : previous.keySet()) {
            if (!seen.contains(slug)) {
                gone.add(slug);
            }
        }
        gone.sort(null);
        // A slug that left (now or before) and whose content came back under a new name redirects to it.
        Map<String, SlugBook.Entry> retired = new TreeMap<>(commit.retired());
        for (String slug : gone) {
            IndexedArticle was = previous.get(slug);
            retired.put(slug, new SlugBook.Entry(was.source(), was.contentHash()));
        }
        retired.keySet().removeAll(seen);
        Map<String, String> renamed = new HashMap<>();
        retired.forEach((slug, entry) -> {
            String moved = entry.content().isEmpty() ? null : newcomers.get(entry.content());
            if (moved != null) {
                renamed.put(slug, moved);
            }
        });
        // A moved folder is not a deletion: only articles whose content went nowhere count as missing.
        long missing = gone.stream().filter(slug -> !renamed.containsKey(slug)).count();
        if (articles > 0 && !options.allowDeletions() && !options.replaceCorpus()
                && MassDeletionException.needsConsent((int) missing, previous.size())) {
            throw new MassDeletionException((int) missing, previous.size());
        }
        if (mode == Indexer.Mode.INCREMENTAL) {
            for (String slug : gone) {
                writer.deleteDocuments(new Term(Fields.ARTICLE, slug));
            }
        }
        Map<String, String> abbreviations = Abbreviations.mostFrequent(definitions);
        // The dictionary is recomputed over every article read, changed or not: abbreviations need all text.
        Map<String, String> commitData = new HashMap<>(commit.carried());
        commitData.putAll(ExpansionDictionary.commitData(abbreviations, synonyms));
        commitData.put(Fields.COMMIT_REDIRECTS, commit.redirects().with(renamed, seen).toJson());
        commitData.put(Fields.COMMIT_RETIRED_SLUGS, RetiredSlugs.toJson(retired));
        boolean nothingChanged = mode == Indexer.Mode.INCREMENTAL && added == 0 && changed == 0 && refreshed == 0
                && gone.isEmpty()
                && withoutPerRunKeys(commitData).equals(withoutPerRunKeys(commit.before()));
        boolean committed = articles > 0 && !nothingChanged;
        if (committed) {
            if (mode == Indexer.Mode.FULL) {
                // A search looks each of its terms up in every segment, and kb's searches have many terms (each word
                // in several fields, expansions, the article's text): a rebuilt index is left as one segment, merged
                // before the commit, so it becomes visible merged or not at all. An update only adds segments.
                writer.forceMerge(1);
            }
            commitData.put(Fields.COMMIT_CORPUS_FINGERPRINT, fingerprint);
            commitData.put(Fields.COMMIT_BUILT_AT, Instant.now().toString());
            commitData.put(Fields.COMMIT_RUN, UUID.randomUUID().toString());
            writer.setLiveCommitData(commitData.entrySet());
            CommitOrRollback.commit(writer, commitData.get(Fields.COMMIT_RUN));
        } else {
            // Nothing to write, or nothing worth a new generation: searchers and their caches stay as they are.
            writer.rollback();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<SkippedFile> skipped = new ArrayList<>(configProblems);
        skipped.addAll(scan.skipped());
        skipped.addAll(unindexable);
        return new IndexReport(scan.filesRead(), articles, byKind, skipped, scan.bytesRead(), millis, committed,
                abbreviations.size(), mode, new IndexReport.Changes(added, changed, gone.size(), unchanged),
                nothingChanged && articles > 0, scan.chromeDropped(), fingerprint,
                new IndexReport.Meaning(meaning.embedded(), (int) vectors, meaning.embedMillis()));
    }

    private static Map<String, String> withoutPerRunKeys(Map<String, String> commitData) {
        Map<String, String> kept = new HashMap<>(commitData);
        kept.keySet().removeAll(PER_RUN_KEYS);
        return kept;
    }
}
