package kb.meaning;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Prepares the folders the native libraries unpack into, before the first ONNX Runtime or DJL class loads, and
 * tidies after them. ONNX Runtime unpacks into a fresh folder under {@code java.io.tmpdir} per JVM, which kb removes
 * as soon as the libraries are loaded ({@link #removeUnpackedRuntime}); the DJL tokenizer into its cache, {@code ~/.djl.ai} unless {@code DJL_CACHE_DIR} (environment or system property) says otherwise.
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

    /**
     * Deletes the folder ONNX Runtime unpacked its libraries into, once they are loaded: they stay mapped, and
     * left to ONNX Runtime the folder outlives the JVM (its exit hook tries the folder before the files in it, so
     * every run left an empty {@code onnxruntime-java…} folder in the temporary directory). Where the folder cannot
     * be found or deleted nothing else changes; the libraries are in memory already.
     */
    static void removeUnpackedRuntime() {
        Path dir = unpackedRuntime();
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        try {
            List<Path> files;
            try (Stream<Path> listed = Files.list(dir)) {
                files = listed.toList();
            }
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // The libraries are loaded; an undeleted folder is the worst that happens, as before.
        }
    }

    /** The folder ONNX Runtime unpacked into in this JVM, or null before it has loaded (or if it keeps none). */
    static Path unpackedRuntime() {
        try {
            // ONNX Runtime keeps the folder in a private static field and offers no way to ask for it.
            Field field = Class.forName("ai.onnxruntime.OnnxRuntime").getDeclaredField("tempDirectory");
            field.setAccessible(true);
            return field.get(null) instanceof Path path ? path : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
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
