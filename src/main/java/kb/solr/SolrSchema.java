package kb.solr;

/** Names a kb collection adds to kb's fields ({@code kb.index.Fields}): the metadata document and the corpus order. */
public final class SolrSchema {
    private SolrSchema() {}

    /** The id of the one document holding what the embedded index keeps in its commit data (JSON). */
    public static final String META_ID = "kb.meta";
    /** The metadata document's stored JSON object of commit data. */
    public static final String META_FIELD = "kb_meta";
    /** A passage's place in corpus order (long, doc values): breaks ties between equal scores as doc ids do. */
    public static final String SEQ = "seq";
}
