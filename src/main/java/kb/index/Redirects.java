package kb.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where the articles of renamed or moved files went: old slug to the slug the same content now has. Kept in the
 * commit, carried from update to update, so a permalink or citation made before a rename still lands. The rule: an
 * entry always points at a live article (chains are followed to their end), and a slug that names a live article
 * again is never redirected.
 */
public final class Redirects {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A chain longer than this is a cycle; it cannot arise from updates, but stored data is not trusted. */
    private static final int MAX_HOPS = 64;

    private final Map<String, String> moves;

    private Redirects(Map<String, String> moves) {
        this.moves = Map.copyOf(moves);
    }

    public static final Redirects NONE = new Redirects(Map.of());

    /** The redirects stored in an index commit; none when absent or unreadable. */
    public static Redirects fromCommit(Map<String, String> userData) {
        String json = userData.get(Fields.COMMIT_REDIRECTS);
        if (json == null || json.isEmpty()) {
            return NONE;
        }
        try {
            return new Redirects(JSON.readValue(json, new TypeReference<TreeMap<String, String>>() {}));
        } catch (JsonProcessingException e) {
            return NONE;
        }
    }

    /** The slug an old slug moved to, if it did. */
    public Optional<String> target(String slug) {
        return Optional.ofNullable(moves.get(slug));
    }

    /**
     * Where an article slug or passage id of a renamed file lives now: the same id with the old slug replaced by the
     * new one; empty when it never moved. An id is its slug followed by ".section.N", and a slug may itself hold
     * dots (a JSON Lines id), so every dot is tried as the end of the slug, the longest slug first.
     */
    public Optional<String> movedTo(String id) {
        for (int end = id.length(); end > 0; end = id.lastIndexOf('.', end - 1)) {
            Optional<String> target = target(id.substring(0, end));
            if (target.isPresent()) {
                return Optional.of(target.get() + id.substring(end));
            }
        }
        return Optional.empty();
    }

    /** These redirects plus {@code renamed} (old slug to new), keeping only entries that end at a live article. */
    Redirects with(Map<String, String> renamed, Set<String> live) {
        Map<String, String> all = new TreeMap<>(moves);
        all.putAll(renamed);
        Map<String, String> kept = new TreeMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (live.contains(e.getKey())) {
                continue;
            }
            String target = e.getValue();
            for (int hops = 0; target != null && !live.contains(target) && hops < MAX_HOPS; hops++) {
                target = all.get(target);
            }
            if (target != null && live.contains(target)) {
                kept.put(e.getKey(), target);
            }
        }
        return new Redirects(kept);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(new TreeMap<>(moves));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }
}
