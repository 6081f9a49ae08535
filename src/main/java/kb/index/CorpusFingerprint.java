package kb.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of the corpus folder's file names, sizes and modification times: it changes when a file is added,
 * removed or edited, which is how {@code kb serve} tells that the index is older than the corpus.
 */
public final class CorpusFingerprint {
    private CorpusFingerprint() {}

    public static String of(Path corpusDir) throws IOException {
        List<String> entries = new ArrayList<>();
        Files.walkFileTree(corpusDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                entries.add(corpusDir.relativize(file) + "\t" + attrs.size() + "\t" + attrs.lastModifiedTime().toMillis());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                entries.add(corpusDir.relativize(file) + "\tunreadable");
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String e : entries) {
                sha.update(e.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
