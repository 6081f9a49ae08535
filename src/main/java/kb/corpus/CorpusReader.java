package kb.corpus;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a corpus directory into articles: walks it in sorted order, reads every .txt, .md, .markdown, .html,
 * .htm and .jsonl file with the matching reader, and reports each file it could not use with a one-line reason
 * instead of failing, so one bad file never stops the others from being read.
 */
public final class CorpusReader {
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** A hand-kept synonym list (Solr format) at the corpus root; it configures search and is not an article. */
    public static final String SYNONYMS_FILE = "synonyms.txt";

    private static final Set<String> EXTENSIONS = Set.of("txt", "md", "markdown", "html", "htm", "jsonl");

    private final long maxFileBytes;

    public CorpusReader(long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        this.maxFileBytes = maxFileBytes;
    }

    public CorpusReader() {
        this(DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * Walks corpusDir recursively (sorted, deterministic order), reads every .txt/.md/.markdown/.html/.htm/.jsonl
     * file, passes each good Article to sink, and returns what was read and what was skipped. Throws IOException
     * only when corpusDir itself is missing or not a readable directory (message names it).
     */
    public CorpusScan read(Path corpusDir, Consumer<Article> sink) throws IOException {
        if (!Files.exists(corpusDir)) {
            throw new IOException("corpus directory does not exist: " + corpusDir);
        }
        if (!Files.isDirectory(corpusDir)) {
            throw new IOException("corpus path is not a directory: " + corpusDir);
        }
        if (!Files.isReadable(corpusDir)) {
            throw new IOException("corpus directory is not readable: " + corpusDir);
        }
        List<Path> files = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        Files.walkFileTree(corpusDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(corpusDir) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!file.equals(corpusDir.resolve(SYNONYMS_FILE))) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (!isHidden(file)) {
                    skipped.add(new SkippedFile(relative(corpusDir, file), "cannot read: " + describe(e)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(Comparator.comparing(f -> relative(corpusDir, f)));

        Slugs.Registry slugs = new Slugs.Registry();
        int filesRead = 0;
        int articles = 0;
        long bytesRead = 0;
        for (Path file : files) {
            FileResult result = readFile(corpusDir, file, slugs);
            skipped.addAll(result.allSkipped());
            if (!result.articles().isEmpty()) {
                filesRead++;
                bytesRead += sizeOrZero(file);
                for (Article a : result.articles()) {
                    sink.accept(a);
                    articles++;
                }
            }
        }
        skipped.sort(Comparator.comparing(SkippedFile::file, CorpusReader::compareSkipNames));
        return new CorpusScan(filesRead, articles, bytesRead, skipped);
    }

    /** Reads one file (used by tests and for single-file updates). */
    public FileResult readFile(Path corpusDir, Path file) {
        return readFile(corpusDir, file, new Slugs.Registry());
    }

    private FileResult readFile(Path corpusDir, Path file, Slugs.Registry slugs) {
        String rel = relative(corpusDir, file);
        String name = file.getFileName() == null ? rel : file.getFileName().toString();
        if (Files.isSymbolicLink(file)) {
            return isHidden(file) ? empty() : FileResult.skip(rel, "symbolic link, not followed");
        }
        if (isHidden(file)) {
            return empty();
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return empty();
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!EXTENSIONS.contains(ext)) {
            return FileResult.skip(rel, "unsupported file type ." + ext);
        }
        String stem = name.substring(0, dot);
        try {
            String text = load(file);
            if (ext.equals("jsonl")) {
                JsonLinesReader.Result r = JsonLinesReader.read(text, rel, slugs);
                if (r.articles().isEmpty() && r.badLines().isEmpty()) {
                    return FileResult.skip(rel, "no text found");
                }
                return new FileResult(r.articles(), null, r.badLines());
            }
            String base = Slugs.slugify(stem);
            String slug = slugs.unique(base.isEmpty() ? "article" : base);
            Article article = switch (ext) {
                case "txt" -> PlainTextReader.read(TextNormalizer.normalize(text), slug, rel);
                // Indentation is structure in Markdown and inside <pre>, so those readers normalise per passage.
                case "md", "markdown" -> MarkdownReader.read(TextNormalizer.normalizeKeepingIndent(text), slug, rel, stem);
                default -> HtmlReader.read(TextNormalizer.normalizeKeepingIndent(text), slug, rel, stem);
            };
            return new FileResult(List.of(article), null);
        } catch (SkipException e) {
            return FileResult.skip(rel, e.getMessage());
        } catch (IOException e) {
            return FileResult.skip(rel, "cannot read: " + describe(e));
        } catch (RuntimeException e) {
            // A parser bug on one odd file must not end the whole scan; report it like any other bad file.
            return FileResult.skip(rel, "cannot parse: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + MarkdownReader.firstLine(e.getMessage())));
        }
    }

    private String load(Path file) throws IOException, SkipException {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("is a directory");
        }
        long size = Files.size(file);
        if (size > maxFileBytes) {
            throw new SkipException("too large: " + size + " bytes, over the limit of " + maxFileBytes + " bytes");
        }
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length > maxFileBytes) {
            throw new SkipException("too large: " + bytes.length + " bytes, over the limit of " + maxFileBytes + " bytes");
        }
        if (bytes.length == 0) {
            throw new SkipException("empty file");
        }
        String text = TextDecoder.decode(bytes);
        if (text.isBlank() || text.replace("\uFEFF", "").isBlank()) {
            throw new SkipException("only whitespace");
        }
        return text;
    }

    private static FileResult empty() {
        return new FileResult(List.of(), null);
    }

    /** Whether kb leaves a file or folder out of the corpus: its name starts with a dot. */
    public static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static String relative(Path dir, Path file) {
        Path rel;
        try {
            rel = dir.relativize(file);
        } catch (IllegalArgumentException e) {
            rel = file;
        }
        return rel.toString().replace(rel.getFileSystem().getSeparator(), "/");
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String describe(IOException e) {
        String msg = e.getMessage();
        String kind = e.getClass().getSimpleName();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "file not found";
        }
        return msg == null || msg.isBlank() ? kind : MarkdownReader.firstLine(msg);
    }

    /** Orders "a.jsonl:10" after "a.jsonl:9", so bad lines are listed in file order. */
    private static int compareSkipNames(String a, String b) {
        int ca = a.lastIndexOf(':');
        int cb = b.lastIndexOf(':');
        if (ca > 0 && cb > 0 && a.substring(0, ca).equals(b.substring(0, cb))) {
            try {
                return Integer.compare(Integer.parseInt(a.substring(ca + 1)), Integer.parseInt(b.substring(cb + 1)));
            } catch (NumberFormatException e) {
                return a.compareTo(b);
            }
        }
        String fa = ca > 0 ? a.substring(0, ca) : a;
        String fb = cb > 0 ? b.substring(0, cb) : b;
        int c = fa.compareTo(fb);
        return c != 0 ? c : a.compareTo(b);
    }
}
