package kb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The temporary folders of one {@code kb bench} run: created under the system's temporary folder, deleted as soon
 * as a section is done with them ({@link BenchScale} deletes each size's corpus and indexes) and, whatever is left,
 * when the run ends. Rule: only folders this class created are ever deleted.
 */
final class BenchFolders implements BenchScale.TempFolders {
    private final List<Path> created = new ArrayList<>();

    @Override
    public Path create(String prefix) throws IOException {
        Path p = Files.createTempDirectory(prefix);
        created.add(p);
        return p;
    }

    @Override
    public void delete(Path folder) throws IOException {
        if (!created.contains(folder) || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deletes every folder still there. */
    void deleteAll() throws IOException {
        for (Path p : created) {
            delete(p);
        }
    }
}
