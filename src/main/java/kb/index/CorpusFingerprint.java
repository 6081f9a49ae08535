package kb.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import kb.corpus.CorpusFiles;
import kb.corpus.SkippedFile;

/**
 * A digest of the corpus's files ({@link CorpusFiles}: the same files the indexer reads) by name, size,
 * modification time and, where the file system keeps one, inode change time: it changes when a file is added,
 * removed or edited, which is how {@code kb serve} and {@code --watch} tell that the index is older than the corpus.
 * The change time matters because {@code cp -p}, {@code touch -r}, tar and rsync restore the modification time of
 * an edited file, but nothing can set its change time back.
 */
public final class CorpusFingerprint {
    private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,isRegularFile";

    private CorpusFingerprint() {}

    public static String of(Path corpusDir) throws IOException {
        return of(corpusDir, false);
    }

    /**
     * As {@link #of(Path)}; with {@code content}, each file's bytes count too, so an edit that keeps the size and
     * restores the time is seen even where the file system keeps no change time. That reads the whole corpus on
     * every call, so it is only done when asked ({@code kb serve --watch-content}).
     */
    public static String of(Path corpusDir, boolean content) throws IOException {
        return of(CorpusFiles.list(corpusDir), content).digest();
    }

    /**
     * The fingerprint of a listing already made, with what it saw on the way: the size of each regular file, by
     * its path relative to the root (an indexing run's progress needs them, and takes them from here rather than
     * from a walk of its own).
     */
    record Snapshot(String digest, Map<String, Long> sizes) {
        /** The total size of the regular files. */
        long bytes() {
            return sizes.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Snapshot of(CorpusFiles.Listing listing, boolean content) {
        boolean unix = listing.root().getFileSystem().supportedFileAttributeViews().contains("unix");
        MessageDigest sha = sha256();
        Map<String, Long> sizes = new HashMap<>();
        for (Path file : listing.files()) {
            String rel = CorpusFiles.relative(listing.root(), file);
            line(sha, rel + "\t" + state(file, unix, rel, sizes) + (content ? "\t" + contentHash(file) : ""));
        }
        for (SkippedFile bad : listing.unreadable()) {
            line(sha, bad.file() + "\tunreadable");
        }
        return new Snapshot(HexFormat.of().formatHex(sha.digest()), sizes);
    }

    private static String state(Path file, boolean unix, String rel, Map<String, Long> sizes) {
        try {
            if (unix) {
                Map<String, Object> a = Files.readAttributes(file, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                if (Boolean.TRUE.equals(a.get("isRegularFile"))) {
                    sizes.put(rel, (Long) a.get("size"));
                }
                return a.get("size") + "\t" + ((FileTime) a.get("lastModifiedTime")).toMillis() + "\t"
                        + ((FileTime) a.get("ctime")).toMillis();
            }
            long size = Files.size(file);
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                sizes.put(rel, size);
            }
            return size + "\t" + Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toMillis();
        } catch (IOException | RuntimeException e) {
            // Deleted since the listing, or unreadable: either way a state of its own, so the next look differs.
            return "gone";
        }
    }

    private static String contentHash(Path file) {
        MessageDigest sha = sha256();
        try (java.io.InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException | RuntimeException unreadable) {
            return "unreadable";
        }
    }

    private static void line(MessageDigest sha, String line) {
        sha.update(line.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
