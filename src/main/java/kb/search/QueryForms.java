package kb.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import kb.index.ExpansionDictionary;
import org.apache.lucene.search.Query;

/**
 * kb's queries for a remote engine: the same Lucene queries the embedded engine runs ({@link QueryPlanner#forms}),
 * built from the words typed, the filters and the expansion dictionary's matches in the words, which are found
 * where the dictionary is (the client) and travel as JSON. Inside Solr, kb's query parser builds them from those
 * three, so a cluster ranks and counts with exactly the embedded engine's query. Rule: one definition of each query;
 * this class only chooses which.
 */
public final class QueryForms {
    /** Which of a query's forms to build. */
    public enum Part {
        /** Words, expansions, proximity bonus and filters: what ranks passages. */
        RANKED,
        /** The same passages without the proximity bonus and exact forms: what counts them and their facets. */
        COUNTED,
        /** The words and expansions over whole articles' text (first passages only). */
        ARTICLES
    }

    private static final QueryPlanner PLANNER = new QueryPlanner();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<ExpansionDictionary.Match>> MATCHES = new TypeReference<>() {};

    private QueryForms() {}

    /**
     * The {@code part} of the query {@code text} within the article and section filters (either may be null or
     * blank), expanded with {@code matchesJson} ({@link #matchesJson}; null or blank: no expansion); null when that
     * part is empty (a query of filters only has no article part). Throws {@link BadQueryException} as a search would.
     */
    public static Query of(Part part, String text, String article, String section, String matchesJson)
            throws BadQueryException {
        UserQueryParser.Parsed parsed = PLANNER.parse(text);
        QueryPlanner.Forms forms = PLANNER.forms(parsed, text, article, section, matchesOf(matchesJson));
        return switch (part) {
            case RANKED -> forms.ranked();
            case COUNTED -> forms.counted();
            case ARTICLES -> forms.articles();
        };
    }

    /** The dictionary's matches in {@code text}, as JSON for {@link #of}. */
    public static String matchesJson(String text, ExpansionDictionary dictionary) {
        List<ExpansionDictionary.Match> matches = QueryPlanner.matchesIn(text, dictionary);
        if (matches.isEmpty()) {
            return "";
        }
        try {
            return JSON.writeValueAsString(matches);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("expansion matches are plain records", e);
        }
    }

    private static List<ExpansionDictionary.Match> matchesOf(String json) throws BadQueryException {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, MATCHES);
        } catch (JsonProcessingException e) {
            throw new BadQueryException("The query's expansions could not be read: " + e.getOriginalMessage());
        }
    }
}
