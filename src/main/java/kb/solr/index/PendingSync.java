package kb.solr.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The articles a sync into a collection has touched but not yet committed, kept in the mirror's folder ({@value
 * #FILE}) from before the first update until the commit lands. Solr keeps what a failed run sent and commits it with
 * the next commit; the next run reads this file and sends or deletes those articles again, so a failure in the middle
 * of a run never leaves a change the corpus no longer has. Rule: an entry names the collection it was written for
 * (the dated one behind the alias), so a rebuilt collection never inherits another's suspects.
 */
final class PendingSync {
    static final String FILE = "kb-solr-pending.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    PendingSync(Path mirrorDir) {
        this.file = mirrorDir.resolve(FILE);
    }

    /** The articles left uncommitted in {@code collection} by an earlier run; none when it committed. */
    Set<String> suspects(String collection) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        Map<String, List<String>> pending;
        try {
            pending = JSON.readValue(Files.readString(file), new TypeReference<TreeMap<String, List<String>>>() {});
        } catch (IOException unreadable) {
            throw new IOException("cannot read " + file + " (" + unreadable.getMessage().lines().findFirst().orElse("")
                    + "); delete it and run kb index --solr … --full to rebuild the collection");
        }
        return new TreeSet<>(pending.getOrDefault(collection, List.of()));
    }

    /** Records, before anything is sent, that {@code slugs} of {@code collection} are about to change. */
    void touching(String collection, Set<String> slugs) throws IOException {
        Path temp = file.resolveSibling(FILE + ".tmp");
        Files.writeString(temp, JSON.writeValueAsString(Map.of(collection, List.copyOf(new TreeSet<>(slugs)))));
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The commit landed: nothing is pending. */
    void committed() throws IOException {
        Files.deleteIfExists(file);
    }
}
