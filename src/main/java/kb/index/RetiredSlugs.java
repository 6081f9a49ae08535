package kb.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kb.corpus.SlugBook;

/**
 * The slugs of deleted articles as the commit keeps them (JSON: slug to [file, content hash]), so no later newcomer
 * is ever given an id that once named another article. An entry leaves only when its article comes back.
 */
final class RetiredSlugs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RetiredSlugs() {}

    static Map<String, SlugBook.Entry> fromCommit(Map<String, String> userData) {
        String json = userData.get(Fields.COMMIT_RETIRED_SLUGS);
        Map<String, SlugBook.Entry> retired = new TreeMap<>();
        if (json == null || json.isEmpty()) {
            return retired;
        }
        try {
            Map<String, List<String>> raw = JSON.readValue(json, new TypeReference<TreeMap<String, List<String>>>() {});
            raw.forEach((slug, v) -> {
                if (v.size() == 2) {
                    retired.put(slug, new SlugBook.Entry(v.get(0), v.get(1)));
                }
            });
        } catch (JsonProcessingException e) {
            // Written by kb itself; unreadable data only loses the protection of retired ids, never an article.
        }
        return retired;
    }

    static String toJson(Map<String, SlugBook.Entry> retired) {
        Map<String, List<String>> raw = new TreeMap<>();
        retired.forEach((slug, e) -> raw.put(slug, List.of(e.owner(), e.content())));
        try {
            return JSON.writeValueAsString(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
