package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;

/**
 * Makes one page of results from a planned query: the page's slice of the ranked hits, highlighted one passage at a
 * time with the time limit checked between, each hit's stored fields read once; then every match counted, with its
 * facets, in a pass that scores nothing.
 */
final class ResultPages {
    private ResultPages() {}

    static SearchPage page(IndexSearcher searcher, Generation gen, QueryPlanner planner, UserQueryParser.Parsed parsed,
            SearchRequest request, SearchTimeLimit timeLimit, long startNanos) throws IOException, BadQueryException {
        String text = request.query().strip();
        int page = request.page();
        int size = request.size();
        QueryPlanner.Plan plan = planner.plan(searcher, gen, parsed, text, request, page * size);
        timeLimit.check();
        QueryPlanner.Run run = plan.run();
        TopDocs top = run.topDocs();
        ScoreDoc[] pageDocs = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, (page - 1) * size),
                top.scoreDocs.length);
        List<SearchHit> hits = hits(searcher, gen, run.highlight(), pageDocs, timeLimit);
        timeLimit.check();
        FacetsCollector matches = collectMatches(searcher, run.matching());
        Facets facets = FacetCounter.count(gen, matches);
        long took = (System.nanoTime() - startNanos) / 1_000_000;
        long total = matches.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
        return new SearchPage(text, total, took, page, size, hits, facets, plan.didYouMean(), plan.corrected(),
                run.expansions(), SearchMode.LEXICAL);
    }

    private static FacetsCollector collectMatches(IndexSearcher searcher, Query matching) throws IOException {
        return searcher.search(matching, new FacetsCollectorManager());
    }

    private static List<SearchHit> hits(IndexSearcher searcher, Generation gen, Query highlight, ScoreDoc[] docs,
            SearchTimeLimit timeLimit) throws IOException {
        SnippetFormatter.Highlight[] found = new SnippetFormatter.Highlight[docs.length];
        for (int i = 0; i < docs.length; i++) {
            timeLimit.check();
            found[i] = gen.snippets.ofHit(highlight, docs[i].doc);
        }
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (int i = 0; i < docs.length; i++) {
            hits.add(StoredPassages.hit(stored.document(docs[i].doc, StoredPassages.HIT_FIELDS), found[i], docs[i].score));
        }
        return hits;
    }
}
