package kb.index;

import java.util.Map;

/**
 * Every Lucene field name kb uses, named once. Search-time aliases (what a person types before a colon) map to
 * these in {@link #QUERY_ALIASES}; nothing else in kb spells a field name.
 */
public final class Fields {
    private Fields() {}

    /** Passage id: exact, stored; the key for updates, URLs and citations. */
    public static final String ID = "id";
    /** Article slug: exact, stored; facet dimension and filter. */
    public static final String ARTICLE = "article";
    /** Article title: analysed (stemmed) and stored. */
    public static final String TITLE = "title";
    /** All headings of the section path, analysed (stemmed), for ranking heading matches above body text. */
    public static final String SECTION = "section";
    /** The section path as one key ({@link #sectionKey}): exact, stored; facet dimension and filter. */
    public static final String SECTION_PATH = "section_path";
    /** One stored value per heading of the section path, outermost first. */
    public static final String HEADING = "heading";
    /** Passage text: analysed with stemming, stored, offsets in postings for highlighting. */
    public static final String TEXT = "text";
    /** Passage text analysed without stemming, so an exact word form scores above a stemmed match. */
    public static final String TEXT_EXACT = "text_exact";
    /**
     * The ranking's first pass: the title, the headings three times (as they weigh in the full ranking) and the
     * stemmed text, as one field (not stored, no offsets), so that one posting list per word finds the candidates the
     * full weighting then rescores.
     */
    public static final String RANK_TEXT = "rank_text";
    /**
     * The whole article as one text (title, headings, every passage's text), on its first passage only, analysed as
     * {@link #TEXT}: what an article's words score at article level, and the article side of a passage's score.
     */
    public static final String ARTICLE_TEXT = "article_text";
    public static final String KIND = "kind";
    public static final String ORDINAL = "ordinal";
    /** Reading order within the article: stored and doc values, for sorting an article's passages. */
    public static final String POSITION = "position";
    public static final String SOURCE = "source";
    /** The passage's meaning: a unit-length vector from {@code kb.meaning}, searched by dot product (cosine). */
    public static final String VECTOR = "vector";
    /**
     * The vector-cache key of the text the passage's vector was made from ({@code TextKey}: the vectors' marker and
     * that text, {@code PassageVectors.textOf}): exact, not stored, only
     * on passages with a vector. A run looks a text up here before embedding it, so unchanged text is never re-embedded.
     */
    public static final String TEXT_KEY = "text_key";
    /**
     * What the article's vectors are of: the model and the form of text it was given ({@code PassageVectors.markerOf};
     * stored on its first passage once every passage has a vector).
     */
    public static final String MEANING_MODEL = "meaning_model";
    /** The 1-based page a passage starts on (stored only), for formats with pages. */
    public static final String PAGE = "page";
    public static final String CITES = "cites";
    public static final String ARTICLE_URL = "article_url";
    /** The article's authors, one stored value each, in the order the source gives them (stored only). */
    public static final String ARTICLE_AUTHORS = "article_authors";
    /** The article's date as the source writes it (stored only). */
    public static final String ARTICLE_DATE = "article_date";
    /** The article's DOI, bare ("10.1000/xyz") (stored only). */
    public static final String ARTICLE_DOI = "article_doi";
    /** The journal or site the article appeared in (stored only). */
    public static final String ARTICLE_JOURNAL = "article_journal";
    /** The content hash of the passage's article (stored only): an incremental update compares it with the corpus. */
    public static final String ARTICLE_HASH = "article_hash";
    /** The article's content hash without its names (stored on its first passage only): how a rename is recognised. */
    public static final String CONTENT_HASH = "content_hash";
    public static final String REF_AUTHORS = "ref_authors";
    public static final String REF_YEAR = "ref_year";
    public static final String REF_TITLE = "ref_title";
    public static final String REF_JOURNAL = "ref_journal";

    /** Commit user data: a fingerprint of the corpus the index was built from, and when. */
    public static final String COMMIT_CORPUS_FINGERPRINT = "kb.corpus.fingerprint";
    public static final String COMMIT_BUILT_AT = "kb.built.at";
    /** The real path of the corpus folder the index was built from: an index is bound to its corpus. */
    public static final String COMMIT_CORPUS_PATH = "kb.corpus.path";
    /** The corpus folder as it was given (absolute, links not resolved): a link swapped to a new release still matches. */
    public static final String COMMIT_CORPUS_GIVEN = "kb.corpus.given";
    /** Slugs of deleted articles, with the file that had each and its content hash (JSON): never given to others. */
    public static final String COMMIT_RETIRED_SLUGS = "kb.slugs.retired";
    /** A random id written when the index is created and kept by every later update of it. */
    public static final String COMMIT_INDEX_ID = "kb.index.id";
    /** Old article slugs of renamed files and the slugs they moved to (JSON object), so old links still land. */
    public static final String COMMIT_REDIRECTS = "kb.redirects";
    /** A random id per indexing run, to tell whether a commit that reported a failure landed all the same. */
    public static final String COMMIT_RUN = "kb.run";
    /** Search by meaning for this index: {@code off} after {@code kb index --no-meaning}, {@code on} (or absent) else. */
    public static final String COMMIT_MEANING = "kb.meaning";
    /** The model the index's vectors come from, so a run without the model can still carry vectors over. */
    public static final String COMMIT_MEANING_MODEL = "kb.meaning.model";

    /** What a person may type before a colon in a query, and the field it searches. */
    public static final Map<String, String> QUERY_ALIASES = Map.of(
            "title", TITLE,
            "section", SECTION,
            "article", ARTICLE,
            "kind", KIND,
            "author", REF_AUTHORS,
            "year", REF_YEAR,
            "journal", REF_JOURNAL,
            "cites", CITES,
            "id", ID);

    /**
     * Joins headings into the one value the section filter and facet take. The separator is part of every index
     * and every saved filter link, so it never changes; it is not how a path is shown (the edges decide that).
     */
    private static final String SECTION_KEY_SEPARATOR = " › ";

    /** The no-break space that stands, inside a key, for a heading's own space beside a "›". */
    private static final char HELD_SPACE = '\u00A0';

    /**
     * The key of a section path. A heading's own "›" ("Home › Drugs", a saved page's breadcrumb) would read as the
     * separator and split the heading in two, so inside a key the spaces beside it are no-break spaces; the key of
     * any other heading is its text.
     */
    public static String sectionKey(java.util.List<String> headings) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < headings.size(); i++) {
            if (i > 0) {
                key.append(SECTION_KEY_SEPARATOR);
            }
            key.append(headings.get(i).replace(" ›", HELD_SPACE + "›").replace("› ", "›" + HELD_SPACE));
        }
        return key.toString();
    }

    /** The headings of a {@link #sectionKey}, outermost first, each as it was given; empty for "". */
    public static java.util.List<String> sectionPath(String key) {
        if (key == null || key.isEmpty()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(key.split(java.util.regex.Pattern.quote(SECTION_KEY_SEPARATOR), -1))
                .map(h -> h.replace(HELD_SPACE + "›", " ›").replace("›" + HELD_SPACE, "› ")).toList();
    }
}
