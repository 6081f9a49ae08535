package kb.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The corpus state an index was last found up to date with, when that check committed nothing: a small file beside
 * the index ({@value #FILE}, which Lucene never touches) holding the commit generation and the corpus fingerprint.
 * Without it, a touched but unchanged file would make every later start re-read the whole corpus, since an update
 * that changes nothing does not commit its fingerprint. It is only ever trusted for the generation it names.
 */
final class VerifiedState {
    static final String FILE = "kb-verified";

    private VerifiedState() {}

    /** Records that commit {@code generation} is up to date with the corpus state {@code fingerprint}. */
    static void write(Path indexDir, long generation, String fingerprint) throws IOException {
        Path tmp = indexDir.resolve(FILE + ".tmp");
        Files.writeString(tmp, generation + "\t" + fingerprint + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, indexDir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, indexDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether the record says commit {@code generation} was found up to date with {@code fingerprint}. */
    static boolean says(Path indexDir, long generation, String fingerprint) {
        try {
            String[] parts = Files.readString(indexDir.resolve(FILE), StandardCharsets.UTF_8).strip().split("\t");
            return parts.length == 2 && parts[0].equals(Long.toString(generation)) && parts[1].equals(fingerprint);
        } catch (IOException | RuntimeException absent) {
            return false;
        }
    }
}
