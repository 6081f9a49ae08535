package kb.index;

import java.util.ArrayList;
import java.util.List;
import kb.corpus.Article;
import kb.corpus.ArticleMeta;
import kb.corpus.Passage;
import kb.corpus.Reference;

/**
 * The values of one passage's fields, worked out once from its article: the one definition of what each field of
 * {@link Fields} holds. {@link PassageDocuments} maps them to a Lucene document and {@code kb.solr.index.SolrDocuments}
 * to a Solr document, so the embedded index and a cluster hold the same values. An absent value is null (or an empty
 * list); {@code contentHash} and {@code articleText} are set on an article's first passage only. Vectors are not
 * here: they come later, from {@link PassageVectors}.
 */
public record PassageValues(String id, String article, String articleHash, String title, List<String> headings,
        String section, String sectionPath, String text, String kind, int ordinal, int position, String source,
        Integer page, List<String> cites, String articleUrl, List<String> authors, String date, String doi,
        String journal, Cited reference, String contentHash, ArticleText articleText) {

    /** What joins the pieces of {@link Fields#SECTION} and {@link Fields#ARTICLE_TEXT}: a separator holding no token. */
    static final String JOIN = " \n ";

    public PassageValues {
        headings = List.copyOf(headings);
        cites = List.copyOf(cites);
        authors = List.copyOf(authors);
    }

    /** A reference entry's parts, as the {@code ref_*} fields hold them (its number in the list is not indexed). */
    public record Cited(String authors, String year, String title, String journal) {
        static Cited of(Reference ref) {
            return ref == null ? null : new Cited(ref.authors(), ref.year(), ref.title(), ref.journal());
        }
    }

    /**
     * The article's whole text ({@link Fields#ARTICLE_TEXT}): the title, each section path's headings where the
     * path changes, and every passage's text, in reading order, joined by {@link #JOIN}. {@code pieces} are those
     * texts and {@code starts} where each starts in {@code text}, so an indexer can reuse the pieces' analysis.
     */
    public record ArticleText(String text, List<String> pieces, List<Integer> starts) {
        public ArticleText {
            pieces = List.copyOf(pieces);
            starts = List.copyOf(starts);
        }
    }

    /**
     * The values of an article's passages, first passage first, each with its article's {@link ArticleHash}
     * ({@code articleHash}); the first also with {@code contentHash} (the content hash without names) and the whole
     * article's text. The article's URL, authors, date, DOI and journal go with every passage, so a page built from
     * any one passage can show them; an empty one is absent.
     */
    public static List<PassageValues> of(Article article, String articleHash, String contentHash) {
        List<PassageValues> out = new ArrayList<>(article.passages().size());
        ArticleMeta meta = article.meta();
        for (Passage p : article.passages()) {
            boolean first = out.isEmpty();
            out.add(new PassageValues(p.id(), p.articleSlug(), articleHash, p.articleTitle(), p.sectionPath(),
                    headings(p.sectionPath()), Fields.sectionKey(p.sectionPath()), p.text(), p.kind().label(),
                    p.ordinal(), p.position(), p.sourceFile(), p.page(), p.cites(), presentOrNull(meta.url()),
                    meta.authors(), presentOrNull(meta.date()), presentOrNull(meta.doi()),
                    presentOrNull(meta.journal()), Cited.of(p.reference()), first ? contentHash : null,
                    first ? articleText(article) : null));
        }
        return out;
    }

    private static ArticleText articleText(Article article) {
        StringBuilder all = new StringBuilder(article.title());
        List<String> pieces = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        pieces.add(article.title());
        starts.add(0);
        List<String> path = List.of();
        for (Passage p : article.passages()) {
            if (!p.sectionPath().equals(path)) {
                path = p.sectionPath();
                piece(all, pieces, starts, headings(path));
            }
            piece(all, pieces, starts, p.text());
        }
        return new ArticleText(all.toString(), pieces, starts);
    }

    private static void piece(StringBuilder all, List<String> pieces, List<Integer> starts, String piece) {
        all.append(JOIN);
        starts.add(all.length());
        pieces.add(piece);
        all.append(piece);
    }

    /** The section path's headings as one text, for {@link Fields#SECTION} and the article's text. */
    private static String headings(List<String> path) {
        return String.join(JOIN, path);
    }

    private static String presentOrNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
