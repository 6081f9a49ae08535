package kb.index;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;

/**
 * Says in plain words what is wrong with a damaged index and what to do, instead of Lucene's text (file paths,
 * "please run checkindex", a tool kb users do not have). The advice depends on the file: when only a segment's
 * data is damaged, {@code kb index --full} rebuilds from the corpus (Lucene's CREATE mode reads only the list of
 * segments); when the list of segments itself ({@code segments_N}, a segment's {@code .si}) or the format is bad,
 * that cannot work either, and the folder must be deleted.
 */
public final class IndexDamage {
    /** A Lucene index file name: a commit point or a segment file ({@code _1.cfs}, {@code _a_Lucene99_0.tim}). */
    private static final Pattern INDEX_FILE = Pattern.compile("(?<![\\w.-])(segments_[0-9a-z]+|_[0-9a-z]+(?:_\\w+)?\\.[a-z]+)");

    private IndexDamage() {}

    /** {@code e} as a {@link DamagedIndexException} when it says the index in {@code indexDir} is damaged; else {@code e}. */
    public static IOException explain(Path indexDir, IOException e) {
        if (e instanceof DamagedIndexException) {
            return e;
        }
        return message(indexDir, e).<IOException>map(m -> new DamagedIndexException(m, e)).orElse(e);
    }

    /** The plain message for {@code e}, when it is index damage. */
    public static Optional<String> message(Path indexDir, Throwable e) {
        String folder = indexDir.toAbsolutePath().normalize().toString();
        String real = realPath(indexDir, folder);
        String deleteFolder = "Delete the folder " + folder + " and rebuild it from its corpus: kb index --corpus CORPUS --index " + folder + ".";
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IndexFormatTooOldException || t instanceof IndexFormatTooNewException) {
                return Optional.of("The index in " + folder + " was written by another version of kb (Lucene) and "
                        + "cannot be read. " + deleteFolder);
            }
            boolean damage = t instanceof CorruptIndexException || t instanceof EOFException;
            boolean missing = t instanceof NoSuchFileException || t instanceof FileNotFoundException;
            if (!damage && !missing) {
                continue;
            }
            String text = String.valueOf(t.getMessage());
            Optional<String> file = fileNamed(text.replace(real, "").replace(folder, ""));
            if (missing && (file.isEmpty() || !text.contains(real) && !text.contains(folder))) {
                continue; // some other file (the corpus, a lock folder), not part of the index
            }
            String which = file.map(f -> "its file " + f).orElse("one of its files");
            String state = missing ? " is missing" : " is truncated or corrupt";
            if (file.isPresent() && listsSegments(file.get())) {
                return Optional.of("The index in " + folder + " is damaged: " + which + state
                        + ", so kb cannot tell which segments it holds. " + deleteFolder);
            }
            return Optional.of("The index in " + folder + " is damaged: " + which + state + ". Run `kb index --full --index " + folder + "` "
                    + "to rebuild it from the corpus (`kb check` shows what is damaged); if that fails too, "
                    + deleteFolder.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + deleteFolder.substring(1));
        }
        return Optional.empty();
    }

    /** The index file that {@code e} (or a cause) names as damaged or missing, if any. */
    static Optional<String> damagedFile(Path indexDir, Throwable e) {
        String folder = indexDir.toAbsolutePath().normalize().toString();
        String real = realPath(indexDir, folder);
        for (Throwable t = e; t != null; t = t.getCause()) {
            Optional<String> file = fileNamed(String.valueOf(t.getMessage()).replace(real, "").replace(folder, ""));
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    /** The commit point and the segment info files list the segments; CREATE mode must read them too. */
    static boolean listsSegments(String file) {
        return file.startsWith("segments_") || file.endsWith(".si");
    }

    /**
     * The first index file named in {@code message}, with the index folder already taken out (its own name could
     * look like a file name, "_5.tmp"): the file on disk, since a compound file's parts are named after it.
     */
    private static Optional<String> fileNamed(String message) {
        Matcher m = INDEX_FILE.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Lucene names files by the folder's real path (links resolved). */
    private static String realPath(Path indexDir, String fallback) {
        try {
            return indexDir.toRealPath().toString();
        } catch (IOException | SecurityException e) {
            return fallback;
        }
    }
}
