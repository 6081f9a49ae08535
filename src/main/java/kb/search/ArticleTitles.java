package kb.search;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import kb.index.Fields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Article titles by slug for one index generation, for facet labels, tips and completions: read from the first
 * passage of the article on first use and kept (at most {@value #KEPT}, least recently used dropped first).
 */
final class ArticleTitles {
    private static final int KEPT = 10_000;

    private final IndexSearcher searcher;
    private final Map<String, String> titles = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    });

    ArticleTitles(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The article's title; its slug when the index has no such article. */
    String of(String slug) throws IOException {
        String cached = titles.get(slug);
        if (cached != null) {
            return cached;
        }
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ARTICLE, slug)), 1);
        String title = top.scoreDocs.length == 0 ? slug
                : searcher.storedFields().document(top.scoreDocs[0].doc, Set.of(Fields.TITLE)).get(Fields.TITLE);
        titles.put(slug, title);
        return title;
    }
}
