package kb.solr.plugin;

import java.util.Locale;
import kb.search.BadQueryException;
import kb.search.QueryForms;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.index.Term;
import org.apache.solr.common.params.SolrParams;
import org.apache.solr.request.SolrQueryRequest;
import org.apache.solr.search.QParser;
import org.apache.solr.search.QParserPlugin;
import org.apache.solr.search.SyntaxError;

/**
 * {@code {!kb part=ranked|counted|articles article=… section=… ex=…}words}: kb's own query inside Solr, built by the
 * same code as the embedded engine's ({@link QueryForms}), so that with exact statistics across shards
 * ({@code ExactStatsCache}) every passage scores as it does in the embedded index. {@code ex} is the JSON of the
 * expansion dictionary's matches in the words, found by the client, which holds the dictionary. The collection's
 * metadata document never matches. A query kb refuses is a {@link SyntaxError} (Solr answers 400) with kb's message.
 */
public final class KbQParserPlugin extends QParserPlugin {
    /** The parser's name in {@code solrconfig.xml} and in {@code {!kb}}. */
    public static final String NAME = "kb";
    public static final String PART = "part";
    public static final String ARTICLE = "article";
    public static final String SECTION = "section";
    public static final String EXPANSIONS = "ex";

    @Override
    public QParser createParser(String qstr, SolrParams localParams, SolrParams params, SolrQueryRequest req) {
        return new QParser(qstr, localParams, params, req) {
            @Override
            public Query parse() throws SyntaxError {
                String text = qstr == null ? "" : qstr.strip();
                if (text.isEmpty()) {
                    return new MatchNoDocsQuery("no words");
                }
                QueryForms.Part part = partOf(getParam(PART));
                try {
                    Query q = QueryForms.of(part, text, getParam(ARTICLE), getParam(SECTION), getParam(EXPANSIONS));
                    return q == null ? new MatchNoDocsQuery("no words over articles") : withoutMeta(q);
                } catch (BadQueryException e) {
                    throw new SyntaxError(e.getMessage());
                }
            }
        };
    }

    private static QueryForms.Part partOf(String name) throws SyntaxError {
        if (name == null || name.isBlank()) {
            return QueryForms.Part.RANKED;
        }
        try {
            return QueryForms.Part.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SyntaxError("unknown part of a kb query: " + name + " (ranked, counted or articles)");
        }
    }

    /** A query of negations alone matches every document; never the metadata document, which is no passage. */
    private static Query withoutMeta(Query q) {
        return new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(kb.index.Fields.ID, kb.solr.SolrSchema.META_ID)), BooleanClause.Occur.MUST_NOT)
                .build();
    }
}
