package kb.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a corpus directory into articles: lists it with {@link CorpusFiles} (sorted order), reads every .txt, .md, .markdown, .html,
 * .htm, .jsonl and .docx file with the matching reader, and reports each file it could not use with a one-line reason
 * instead of failing, so one bad file never stops the others from being read.
 */
public final class CorpusReader {
    public static final long DEFAULT_MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** A hand-kept synonym list (Solr format) at the corpus root; it configures search and is not an article. */
    public static final String SYNONYMS_FILE = "synonyms.txt";

    /**
     * Readers of binary formats, by extension: they are given the file itself (they stream it, and their size
     * limits are their own), not decoded text.
     */
    private static final Map<String, BinaryFormatReader> BINARY = Map.of("pdf", PdfReader::read, "docx", DocxReader::read);
    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "md", "markdown", "html", "htm", "jsonl");

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

    /** As {@link #read(Path, SlugBook, Consumer)} with no slugs given by an earlier index. */
    public CorpusScan read(Path corpusDir, Consumer<Article> sink) throws IOException {
        return read(corpusDir, SlugBook.EMPTY, sink);
    }

    /**
     * Lists corpusDir ({@link CorpusFiles}: sorted, deterministic order), reads every .txt/.md/.markdown/.html/.htm/
     * .jsonl file, passes each good Article to sink, and returns what was read and what was skipped. {@code slugBook} (from
     * the index) keeps ids stable: a file still present gets its slug back, a file gone from the corpus keeps its
     * slug retired, and no newcomer takes either (see {@link SlugBook}). Throws IOException only when corpusDir
     * itself is missing or not a readable folder.
     */
    public CorpusScan read(Path corpusDir, SlugBook slugBook, Consumer<Article> sink) throws IOException {
        return read(CorpusFiles.list(corpusDir), slugBook, sink);
    }

    /** As {@link #read(Path, SlugBook, Consumer)} over a listing already made, so a run walks the corpus once. */
    public CorpusScan read(CorpusFiles.Listing listing, SlugBook slugBook, Consumer<Article> sink) {
        Path root = listing.root();
        List<SkippedFile> skipped = new ArrayList<>(listing.unreadable());
        List<Path> files = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (Path file : listing.files()) {
            if (!file.equals(root.resolve(SYNONYMS_FILE))) {
                files.add(file);
                present.add(CorpusFiles.relative(root, file));
            }
        }
        Map<String, String> reserved = new HashMap<>();
        Map<String, SlugBook.Entry> retired = new HashMap<>(slugBook.retired());
        slugBook.kept().forEach((slug, entry) -> {
            if (present.contains(entry.owner())) {
                reserved.put(slug, entry.owner());
            } else {
                // Its file is gone in this very update: the slug retires now, and only its content may take it back.
                retired.put(slug, entry);
            }
        });
        Slugs.Registry slugs = new Slugs.Registry(reserved, retired);
        SiteChrome chrome = siteChrome(root, files);
        int chromeDropped = 0;
        int filesRead = 0;
        int articles = 0;
        long bytesRead = 0;
        for (Path file : files) {
            int[] streamed = {0};
            FileResult result = readFile(root, file, slugs, chrome, a -> {
                sink.accept(a);
                streamed[0]++;
            });
            skipped.addAll(result.allSkipped());
            chromeDropped += result.chromeDropped();
            if (streamed[0] > 0 || !result.articles().isEmpty()) {
                filesRead++;
                bytesRead += sizeOrZero(file);
                result.articles().forEach(sink);
                articles += streamed[0] + result.articles().size();
            }
        }
        skipped.sort(SkippedFile.IN_FILE_ORDER);
        return new CorpusScan(filesRead, articles, bytesRead, skipped, chromeDropped);
    }

    /**
     * Reads one file on its own (used by tests and the extraction benchmark): without the rest of the corpus there
     * is no site chrome to recognise, so only the per-page rules apply to a web page.
     */
    public FileResult readFile(Path corpusDir, Path file) {
        List<Article> streamed = new ArrayList<>();
        FileResult r = readFile(corpusDir, file, new Slugs.Registry(), SiteChrome.NONE, streamed::add);
        if (streamed.isEmpty()) {
            return r;
        }
        streamed.addAll(r.articles());
        return new FileResult(streamed, r.skipped(), r.skippedLines(), r.chromeDropped());
    }

    /** A failure of the consumer articles are handed to, kept apart from failures to read the file. */
    private static final class SinkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SinkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    /**
     * The pre-pass over every web page of the corpus that decides what is site chrome ({@link SiteChrome}); files it
     * cannot read are left to the main pass, which reports them.
     */
    private SiteChrome siteChrome(Path root, List<Path> files) {
        SiteChrome.Counter counter = new SiteChrome.Counter();
        for (Path file : files) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if ((name.endsWith(".html") || name.endsWith(".htm")) && !CorpusFiles.ignored(file) && !Files.isSymbolicLink(file)) {
                try {
                    HtmlReader.count(TextNormalizer.normalizeKeepingIndent(load(file)), CorpusFiles.relative(root, file), counter);
                } catch (IOException | SkipException | RuntimeException e) {
                    // reported by the main pass
                }
            }
        }
        return counter.build();
    }

    /**
     * Reads one file. A JSON Lines file's articles go to {@code stream} one by one as they are read; other formats
     * answer theirs in the result. What {@code stream} throws is thrown as it was, never taken for a bad file.
     */
    private FileResult readFile(Path corpusDir, Path file, Slugs.Registry slugs, SiteChrome chrome,
            Consumer<Article> stream) {
        String rel = CorpusFiles.relative(corpusDir, file);
        String name = file.getFileName() == null ? rel : file.getFileName().toString();
        if (CorpusFiles.ignored(file)) {
            return empty();
        }
        if (Files.isSymbolicLink(file)) {
            return FileResult.skip(rel, "symbolic link, not followed");
        }
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return empty();
        }
        String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!TEXT_EXTENSIONS.contains(ext) && !BINARY.containsKey(ext)) {
            return FileResult.skip(rel, "unsupported file type ." + ext + (ext.equals("doc")
                    ? " (old binary Word); save it as .docx" : ""));
        }
        String stem = name.substring(0, dot);
        try {
            BinaryFormatReader binary = BINARY.get(ext);
            if (binary != null) {
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException("is a directory");
                }
                return new FileResult(List.of(named(rel, stem, slugs, slug -> binary.read(file, slug, rel, stem))), null);
            }
            String text = load(file);
            if (ext.equals("jsonl")) {
                JsonLinesReader.Result r = JsonLinesReader.read(text, rel, slugs, a -> {
                    try {
                        stream.accept(a);
                    } catch (RuntimeException e) {
                        throw new SinkFailure(e);
                    }
                });
                if (r.articles() == 0 && r.badLines().isEmpty()) {
                    return FileResult.skip(rel, "no text found");
                }
                return new FileResult(List.of(), null, r.badLines());
            }
            if (ext.equals("html") || ext.equals("htm")) {
                int[] dropped = {0};
                Article page = named(rel, stem, slugs, slug -> {
                    HtmlReader.Read read = HtmlReader.read(TextNormalizer.normalizeKeepingIndent(text), slug, rel, stem, chrome);
                    dropped[0] = read.chromeDropped();
                    return read.article();
                });
                return new FileResult(List.of(page), null, List.of(), dropped[0]);
            }
            Article article = named(rel, stem, slugs, slug -> switch (ext) {
                case "txt" -> PlainTextReader.read(TextNormalizer.normalize(text), slug, rel);
                // Indentation is structure in Markdown and inside <pre>, so those readers normalise per passage.
                default -> MarkdownReader.read(TextNormalizer.normalizeKeepingIndent(text), slug, rel, stem);
            });
            return new FileResult(List.of(article), null);
        } catch (SkipException e) {
            return FileResult.skip(rel, e.getMessage());
        } catch (IOException e) {
            return FileResult.skip(rel, "cannot read: " + CorpusFiles.describe(e));
        } catch (SinkFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (RuntimeException e) {
            // A parser bug on one odd file must not end the whole scan; report it like any other bad file.
            return FileResult.skip(rel, "cannot parse: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + Messages.firstLine(e.getMessage())));
        }
    }

    /** Reads one article under a slug: its own, a new one, or a retired one its content earns back. */
    @FunctionalInterface
    private interface ReadAs {
        Article read(String slug) throws IOException, SkipException;
    }

    /**
     * Reads a single-article file under the slug the registry gives it. A newcomer whose content equals a retired
     * article's of the same name (a deleted file restored, a file moved back) is read again under that slug, so its
     * old ids and citations hold again.
     */
    private static Article named(String rel, String stem, Slugs.Registry slugs, ReadAs reader)
            throws IOException, SkipException {
        String base = Slugs.slugify(stem);
        base = base.isEmpty() ? "article" : base;
        boolean newcomer = !slugs.keeps(rel);
        String slug = slugs.forOwner(rel, base);
        Article article = reader.read(slug);
        // The content hash is worked out only when a retired slug of this name exists to be earned back.
        if (newcomer && slugs.mayRevive(base)) {
            java.util.Optional<String> back = slugs.revive(rel, base, ArticleContent.hash(article));
            if (back.isPresent()) {
                slugs.release(slug);
                article = reader.read(back.get());
            }
        }
        return article;
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

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
