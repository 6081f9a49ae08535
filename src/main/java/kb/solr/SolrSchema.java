package kb.solr;

import java.util.List;

/**
 * The names a kb collection has beside kb's passage fields ({@code kb.index.Fields}, the same names in Solr): the
 * metadata document, the corpus-order field and the config set kb uploads. Shared by the cluster indexer and the
 * cluster search engine.
 *
 * <p>The metadata document contract: exactly one document with id {@link #META_ID}, whose only other field is
 * {@link #META_FIELD} (stored, not indexed) holding a JSON object of strings: the commit user data the embedded index
 * would have for the same run ({@code Fields.COMMIT_*}, the expansion dictionary's keys). It has no passage field, so
 * no text query, facet or term statistic ever sees it; it lives in the collection, so it switches with the collection
 * when an alias moves. Read it with a real-time get of {@link #META_ID} or the query {@code id:kb.meta}.
 */
public final class SolrSchema {
    private SolrSchema() {}

    /** The id of the collection's one metadata document. */
    public static final String META_ID = "kb.meta";
    /** The metadata document's JSON (stored only). */
    public static final String META_FIELD = "kb_meta";
    /**
     * Each passage's place in corpus order (long, doc values only): the passages of the articles each run wrote, in the
     * order it read them and then by position, after everything already in the collection. That is the order of the
     * doc ids of the embedded index the same runs build, by which it breaks ties of equal scores.
     */
    public static final String SEQ = "seq";
    /** Solr's own version field, which SolrCloud needs. */
    public static final String VERSION = "_version_";

    /** Where the config set's files are, on the class path (inside kb.jar). */
    public static final String CONFIGSET_RESOURCE = "kb/solr/configset/";
    /** The schema file, the first file checked when kb decides whether a collection is its own. */
    public static final String SCHEMA_FILE = "managed-schema.xml";
    /** The config set's files, all uploaded together. */
    public static final List<String> CONFIGSET_FILES = List.of("solrconfig.xml", SCHEMA_FILE);
    /** The schema's name attribute: a collection whose schema has another name was not made by kb. */
    public static final String SCHEMA_NAME = "kb";
}
