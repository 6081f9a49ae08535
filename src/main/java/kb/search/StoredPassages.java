package kb.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kb.index.Fields;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.index.Term;

/**
 * Reads a passage's stored fields back into the records the engine returns. A result page reads only
 * {@link #HIT_FIELDS}, once per shown hit; the section path comes from its one-value-per-heading field, so it is a
 * list end to end.
 */
final class StoredPassages {
    /** The stored fields a search hit shows; nothing else is read for a result page. */
    static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.ARTICLE, Fields.TITLE, Fields.HEADING, Fields.KIND,
            Fields.ORDINAL, Fields.TEXT, Fields.PAGE, Fields.ARTICLE_AUTHORS, Fields.ARTICLE_DATE);

    private StoredPassages() {}

    static SearchHit hit(Document doc, SnippetFormatter.Highlight highlight, float score, MatchedBy matchedBy) {
        List<String> path = sectionPath(doc);
        String text = doc.get(Fields.TEXT);
        MarkedText snippet = highlight != null ? highlight.snippet() : MarkedText.plain(text);
        List<Span> matches = highlight != null ? highlight.inText() : List.of();
        return new SearchHit(doc.get(Fields.ID), doc.get(Fields.ARTICLE), doc.get(Fields.TITLE), innermost(path), path,
                doc.get(Fields.KIND), ordinal(doc), text, snippet, matches, page(doc), authors(doc),
                stored(doc, Fields.ARTICLE_DATE), matchedBy, score);
    }

    /** The doc id of the passage with this id, if the index has it. */
    static Optional<Integer> docOf(IndexSearcher searcher, String passageId) throws IOException {
        TopDocs top = searcher.search(new TermQuery(new Term(Fields.ID, passageId)), 1);
        return top.scoreDocs.length == 0 ? Optional.empty() : Optional.of(top.scoreDocs[0].doc);
    }

    static RelatedPassages.Item related(Document doc, float similarity) {
        return new RelatedPassages.Item(doc.get(Fields.ID), doc.get(Fields.ARTICLE), doc.get(Fields.TITLE),
                sectionPath(doc), doc.get(Fields.KIND), ordinal(doc), page(doc), doc.get(Fields.TEXT), similarity);
    }

    static PassageView view(Document doc, MarkedText marked) {
        List<String> path = sectionPath(doc);
        String text = doc.get(Fields.TEXT);
        return new PassageView(doc.get(Fields.ID), doc.get(Fields.ARTICLE), doc.get(Fields.TITLE), innermost(path), path,
                doc.get(Fields.KIND), ordinal(doc), text, marked != null ? marked : MarkedText.plain(text),
                doc.get(Fields.SOURCE), page(doc), authors(doc), stored(doc, Fields.ARTICLE_DATE));
    }

    /**
     * The first {@code depth} distinct values of {@code field} (a passage id, or the article slug of ranked articles'
     * first passages), in rank order, each with the score of its first occurrence.
     */
    static List<RankedId> rankedIds(IndexSearcher searcher, ScoreDoc[] ranked, String field, int depth) throws IOException {
        StoredFields stored = searcher.storedFields();
        Set<String> wanted = Set.of(field);
        Map<String, RankedId> ids = new LinkedHashMap<>();
        for (int i = 0; i < ranked.length && ids.size() < depth; i++) {
            String id = stored.document(ranked[i].doc, wanted).get(field);
            ids.putIfAbsent(id, new RankedId(id, ranked[i].score));
        }
        return List.copyOf(ids.values());
    }

    static List<String> authors(Document doc) {
        return List.of(doc.getValues(Fields.ARTICLE_AUTHORS));
    }

    /** A stored value, or "" when the passage has none. */
    static String stored(Document doc, String field) {
        return Optional.ofNullable(doc.get(field)).orElse("");
    }

    /** The innermost heading of a section path, or "" outside any section. */
    static String innermost(List<String> path) {
        return path.isEmpty() ? "" : path.get(path.size() - 1);
    }

    private static List<String> sectionPath(Document doc) {
        return Arrays.asList(doc.getValues(Fields.HEADING));
    }

    private static int ordinal(Document doc) {
        return doc.getField(Fields.ORDINAL).numericValue().intValue();
    }

    /** The page a passage starts on, or null for a format without pages. */
    private static Integer page(Document doc) {
        IndexableField page = doc.getField(Fields.PAGE);
        return page == null ? null : page.numericValue().intValue();
    }
}
