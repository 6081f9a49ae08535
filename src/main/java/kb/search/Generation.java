package kb.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import kb.index.ExpansionDictionary;
import kb.index.Fields;
import kb.index.PassageDocuments;
import kb.index.Redirects;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;

/**
 * What is built once per index generation and shared by every request that sees it: facet state, highlighters, the
 * commit's expansions and redirects, article titles; the search tips' examples on first use; completions on the
 * build thread, never in a request (until they are built, the previous generation's answer).
 */
final class Generation {
    final IndexReader reader;
    final IndexSearcher searcher;
    /** Null for an index with no facet values at all. */
    final SortedSetDocValuesReaderState facetState;
    /** Each passage's facet ordinals; null without facets, or where Lucene's counting must serve. */
    final FacetOrdinals facetOrdinals;
    final Snippets snippets;
    final ExpansionDictionary expansions;
    final Redirects redirects;
    /** The real path of the corpus this generation was built from; null for an index that records none. */
    final Path corpusRoot;
    final ArticleTitles titles;
    /** Passages with a meaning vector; search by meaning is on when every passage has one. */
    final int withMeaning;
    /** Whether every passage has the ranking's first-pass field, so that ranking may take two passes ({@link FirstPass}). */
    final boolean firstPass;
    private volatile CorpusExamples examples;
    /** The previous generation's until this one's are built; null only when none was ever built. */
    private volatile Completions completions;

    Generation(IndexSearcher searcher, Completions previous) throws IOException {
        this.reader = searcher.getIndexReader();
        this.searcher = searcher;
        this.completions = previous;
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, PassageDocuments.facetsConfig());
        } catch (IllegalArgumentException noFacetsIndexed) {
            state = null;
        }
        this.facetState = state;
        // A pass over the facet doc values (2 ms for MedQuAD's 36,000 passages), made here so no search waits for it.
        this.facetOrdinals = state == null ? null : FacetOrdinals.of(state, reader.maxDoc());
        Map<String, String> commitData = reader instanceof DirectoryReader dr ? dr.getIndexCommit().getUserData() : Map.of();
        this.expansions = ExpansionDictionary.fromCommit(commitData);
        this.redirects = Redirects.fromCommit(commitData);
        String corpus = commitData.get(Fields.COMMIT_CORPUS_PATH);
        this.corpusRoot = corpus == null || corpus.isEmpty() ? null : Path.of(corpus);
        this.snippets = new Snippets(searcher);
        this.titles = new ArticleTitles(searcher);
        this.withMeaning = kb.index.IndexMeaning.withVectors(reader);
        this.firstPass = FirstPass.indexed(reader);
    }

    /** Whether search by meaning is on for this generation: every passage has its vector. */
    boolean meaningOn() {
        return withMeaning > 0 && withMeaning == reader.numDocs();
    }

    /** Found on first use rather than at open: most generations of a watched corpus never show the tips. */
    CorpusExamples examples() throws IOException {
        CorpusExamples found = examples;
        if (found == null) {
            synchronized (this) {
                if (examples == null) {
                    examples = CorpusExampleFinder.find(reader, facetState, titles::of);
                }
                found = examples;
            }
        }
        return found;
    }

    Completions completions() {
        return completions;
    }

    /** On the build thread, never in a request: headings and titles with how many passages they hold. */
    void buildCompletions() throws IOException {
        Map<String, Long> headings = new LinkedHashMap<>();
        if (facetState != null) {
            headings.putAll(FacetCounter.headings(facetState));
            FacetResult articles = new SortedSetDocValuesFacetCounts(facetState).getAllChildren(Fields.ARTICLE);
            if (articles != null) {
                for (LabelAndValue lv : articles.labelValues) {
                    headings.merge(titles.of(lv.label), lv.value.longValue(), Long::sum);
                }
            }
        }
        completions = new Completions(headings);
    }

    /** A searcher that carries what was built for its index generation. */
    static final class Searcher extends IndexSearcher {
        /** Set when the generation is opened, before the searcher is published. */
        Generation generation;

        Searcher(IndexReader reader) {
            super(reader);
        }
    }
}
