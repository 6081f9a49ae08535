package kb.corpus;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one walk over a corpus folder, and the one rule for what belongs to it: every reader of the corpus (the
 * indexer, the fingerprint behind staleness checks and {@code --watch}, progress) lists files here, so none of them
 * can disagree about what the corpus is. Left out: hidden files and folders (a leading dot: {@code .DS_Store},
 * {@code .git}, a vim swap file), editors' and downloads' temporary files, and any folder holding a Lucene index (an
 * index kept inside its own corpus must not count as a change to it). The root may be a symbolic link and is
 * followed; links below it are listed as they are, never followed.
 */
public final class CorpusFiles {
    /** Names that editors, office suites and browsers write beside real files while they work. */
    private static final List<String> TEMP_SUFFIXES = List.of("~", ".swp", ".swo", ".swx", ".tmp", ".part",
            ".crdownload", ".download");

    /** The files of a corpus in a stable order (by relative path), and the entries that could not be read. */
    public record Listing(Path root, List<Path> files, List<SkippedFile> unreadable) {
        public Listing {
            files = List.copyOf(files);
            unreadable = List.copyOf(unreadable);
        }
    }

    private CorpusFiles() {}

    /**
     * The corpus folder as a real path (a symbolic link at the root is followed); throws with a message naming
     * the folder when it is missing, not a folder or not readable.
     */
    public static Path root(Path corpusDir) throws IOException {
        if (!Files.exists(corpusDir)) {
            throw new IOException("corpus folder " + corpusDir + " does not exist");
        }
        if (!Files.isDirectory(corpusDir)) {
            throw new IOException("corpus path " + corpusDir + " is not a folder");
        }
        if (!Files.isReadable(corpusDir)) {
            throw new IOException("corpus folder " + corpusDir + " is not readable");
        }
        return corpusDir.toRealPath();
    }

    /** Lists the corpus under {@code corpusDir} (see {@link #root}); entries that cannot be read are reported. */
    public static Listing list(Path corpusDir) throws IOException {
        Path root = root(corpusDir);
        List<Path> files = new ArrayList<>();
        List<SkippedFile> unreadable = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                return ignored(dir) || holdsIndex(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!ignored(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!ignored(file)) {
                    unreadable.add(new SkippedFile(relative(root, file), "cannot read: " + describe(e)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        // Each file's relative path worked out once, not at every comparison of the sort.
        Map<Path, String> names = new HashMap<>(files.size() * 2);
        files.forEach(f -> names.put(f, relative(root, f)));
        files.sort(Comparator.comparing(names::get));
        return new Listing(root, files, unreadable);
    }

    /** Whether a file or folder is left out of every corpus: hidden, or an editor's or download's temporary file. */
    public static boolean ignored(Path p) {
        Path name = p.getFileName();
        if (name == null) {
            return false;
        }
        String n = name.toString();
        if (n.startsWith(".") || n.startsWith("~$") || (n.length() > 1 && n.startsWith("#") && n.endsWith("#"))) {
            return true;
        }
        String lower = n.toLowerCase(Locale.ROOT);
        return TEMP_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    /**
     * A folder with a Lucene commit point in it ({@code segments_N}, N in base 36, exactly as Lucene names it) is an
     * index, not articles; a file such as {@code segments_overview.md} does not make it one.
     */
    static boolean holdsIndex(Path dir) {
        try (DirectoryStream<Path> commits = Files.newDirectoryStream(dir,
                f -> COMMIT_POINT.matcher(f.getFileName().toString()).matches())) {
            return commits.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    private static final java.util.regex.Pattern COMMIT_POINT = java.util.regex.Pattern.compile("segments_[0-9a-z]+");

    /** {@code file}'s path below {@code root}, with '/' as the separator on every platform. */
    public static String relative(Path root, Path file) {
        Path rel;
        try {
            rel = root.relativize(file);
        } catch (IllegalArgumentException e) {
            rel = file;
        }
        return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
    }

    /** A one-line, person-readable reason for an I/O failure on one file. */
    static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file not found";
        }
        String msg = e.getMessage();
        return msg == null || msg.isBlank() ? e.getClass().getSimpleName() : Messages.firstLine(msg);
    }
}
