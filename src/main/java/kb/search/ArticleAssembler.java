package kb.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kb.index.Fields;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Puts a whole article back together in reading order, grouped into sections; with a query, each passage's
 * matches are marked as in search. An enclosing heading with no passages of its own ("Frequently asked questions")
 * comes as an empty section just before its first subsection, since the page needs it as the heading above them.
 */
final class ArticleAssembler {
    private ArticleAssembler() {}

    /** Empty for an unknown slug; {@code highlight} may be null (nothing marked). */
    static Optional<ArticleView> assemble(IndexSearcher searcher, Generation gen, String slug, Query highlight)
            throws IOException {
        Query inArticle = new TermQuery(new Term(Fields.ARTICLE, slug));
        int count = searcher.count(inArticle);
        if (count == 0) {
            return Optional.empty();
        }
        TopDocs top = searcher.search(inArticle, count, new Sort(new SortField(Fields.POSITION, SortField.Type.INT)));
        MarkedText[] marked = new MarkedText[top.scoreDocs.length];
        if (highlight != null) {
            marked = gen.snippets.wholeTexts(highlight, Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray());
        }
        StoredFields stored = searcher.storedFields();
        List<Document> docs = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            docs.add(stored.document(sd.doc));
        }
        return Optional.of(assembled(slug, docs, marked));
    }

    /**
     * The article of these passages' stored fields, in reading order, each with its marked text ({@code marked[i]},
     * null where nothing is marked): how any engine that has fetched an article's passages shows it.
     */
    static ArticleView assembled(String slug, List<Document> docs, MarkedText[] marked) {
        List<ArticleView.Section> sections = new ArrayList<>();
        List<PassageView> current = new ArrayList<>();
        List<String> currentPath = null;
        PassageView last = null;
        Document first = null;
        String url = "";
        for (int i = 0; i < docs.size(); i++) {
            Document doc = docs.get(i);
            PassageView p = StoredPassages.view(doc, marked[i]);
            if (currentPath != null && !currentPath.equals(p.sectionPath())) {
                addSection(sections, currentPath, current);
                current = new ArrayList<>();
            }
            currentPath = p.sectionPath();
            current.add(p);
            last = p;
            url = StoredPassages.stored(doc, Fields.ARTICLE_URL);
            first = first == null ? doc : first;
        }
        addSection(sections, currentPath, current);
        return new ArticleView(slug, last.title(), last.sourceFile(), url, sections, docs.size(),
                StoredPassages.authors(first), StoredPassages.stored(first, Fields.ARTICLE_DATE),
                StoredPassages.stored(first, Fields.ARTICLE_DOI), StoredPassages.stored(first, Fields.ARTICLE_JOURNAL));
    }

    /** Adds a section, preceded by any enclosing heading not yet shown. */
    private static void addSection(List<ArticleView.Section> sections, List<String> path, List<PassageView> passages) {
        List<String> previous = sections.isEmpty() ? List.of() : sections.get(sections.size() - 1).path();
        for (int depth = 1; depth < path.size(); depth++) {
            List<String> ancestor = path.subList(0, depth);
            if (previous.size() < depth || !previous.subList(0, depth).equals(ancestor)) {
                sections.add(section(List.copyOf(ancestor), List.of()));
                previous = ancestor;
            }
        }
        sections.add(section(path, passages));
    }

    private static ArticleView.Section section(List<String> path, List<PassageView> passages) {
        return new ArticleView.Section(path, StoredPassages.innermost(path), path.size(), passages);
    }
}
