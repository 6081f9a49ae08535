package kb.meaning;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares the folders the native libraries unpack into, before the first ONNX Runtime or DJL class loads. ONNX
 * Runtime unpacks into a fresh folder under {@code java.io.tmpdir} (removed when the JVM exits); the DJL tokenizer
 * into its cache, {@code ~/.djl.ai} unless {@code DJL_CACHE_DIR} (environment or system property) says otherwise.
 * Rule: what the user set is honoured; where the home folder's cache cannot be written, DJL's cache moves to a
 * folder under {@code java.io.tmpdir}; DJL runs offline (CPU libraries from the jar, never a download).
 */
final class NativeCaches {
    static final String DJL_CACHE_DIR = "DJL_CACHE_DIR";
    static final String DJL_OFFLINE = "ai.djl.offline";

    private NativeCaches() {}

    static synchronized void prepare() {
        // Offline, DJL takes the CPU tokenizer from the jar; online it may fetch a CUDA build where it sees a GPU.
        System.setProperty(DJL_OFFLINE, "true");
        if (isSet(System.getenv(DJL_CACHE_DIR)) || isSet(System.getProperty(DJL_CACHE_DIR))
                || isSet(System.getenv("ENGINE_CACHE_DIR")) || isSet(System.getProperty("ENGINE_CACHE_DIR"))) {
            return;
        }
        Path home = Path.of(System.getProperty("user.home", ""));
        if (!canWrite(home.resolve(".djl.ai"))) {
            String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
            Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "kb-djl-" + user);
            System.setProperty(DJL_CACHE_DIR, fallback.toString());
        }
    }

    /** Whether {@code dir} is a writable folder, or could be made in a writable parent. */
    static boolean canWrite(Path dir) {
        if (Files.isDirectory(dir)) {
            return Files.isWritable(dir);
        }
        Path parent = dir.toAbsolutePath().getParent();
        return !Files.exists(dir) && parent != null && Files.isDirectory(parent) && Files.isWritable(parent);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
