package kb.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad file is skipped with a one-line reason naming the problem, and the good files beside it are read. */
class BadInputTest {
    private static final String GOOD = "Good Article\n\nSome good text here.\n";

    private static Map<String, String> reasons(CorpusScan scan) {
        return scan.skipped().stream().collect(Collectors.toMap(SkippedFile::file, SkippedFile::reason));
    }

    @Test
    void badFilesAreSkippedWithReasonsAndGoodFilesStillRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.txt"), GOOD);
        Files.write(dir.resolve("binary.txt"), new byte[] {'a', 'b', 0, 'c'});
        Files.write(dir.resolve("empty.md"), new byte[0]);
        Files.writeString(dir.resolve("blank.txt"), "  \n\t\n \r\n");
        Files.write(dir.resolve("latin1.txt"), "Caf\u00e9 au lait\n\nText.".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("title-only.txt"), "Just a title\n");
        Files.writeString(dir.resolve("picture.png"), "not really a png");
        Files.writeString(dir.resolve("data.json"), "{}");
        Files.writeString(dir.resolve("README"), "no extension: ignored silently");
        Files.writeString(dir.resolve(".hidden.txt"), "ignored silently");
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git/config.txt"), "ignored silently");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/z-good.md"), "# Sub\n\nText in a sub folder.\n");

        List<Article> articles = new ArrayList<>();
        CorpusScan scan = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).read(dir, articles::add);

        assertEquals(List.of("a-good", "z-good"), articles.stream().map(Article::slug).toList());
        assertEquals(2, scan.filesRead());
        assertEquals(2, scan.articles());
        assertEquals(Files.size(dir.resolve("a-good.txt")) + Files.size(dir.resolve("sub/z-good.md")), scan.bytesRead());
        Map<String, String> reasons = reasons(scan);
        assertEquals(List.of("binary.txt", "blank.txt", "data.json", "empty.md", "latin1.txt", "picture.png",
                "title-only.txt"), scan.skipped().stream().map(SkippedFile::file).toList());
        assertEquals("binary file (NUL byte at offset 2)", reasons.get("binary.txt"));
        assertEquals("empty file", reasons.get("empty.md"));
        assertEquals("only whitespace", reasons.get("blank.txt"));
        assertEquals("not valid UTF-8 (bad byte at offset 3)", reasons.get("latin1.txt"));
        assertEquals("no text found", reasons.get("title-only.txt"));
        assertEquals("unsupported file type .png", reasons.get("picture.png"));
        assertEquals("unsupported file type .json", reasons.get("data.json"));
        scan.skipped().forEach(s -> assertFalse(s.reason().contains("\n"), s.reason()));
    }

    @Test
    void filesOverTheSizeLimitAreSkippedNamingSizeAndLimit(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("big.txt"), "Big\n\n" + "word ".repeat(100));
        Files.writeString(dir.resolve("small.txt"), GOOD);
        List<Article> articles = new ArrayList<>();
        CorpusScan scan = new CorpusReader(100).read(dir, articles::add);
        assertEquals(List.of("small"), articles.stream().map(Article::slug).toList());
        assertEquals(List.of(new SkippedFile("big.txt", "too large: 505 bytes, over the limit of 100 bytes")),
                scan.skipped());
    }

    @Test
    void unreadableFileIsSkippedWithTheReason(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("x.txt"));
        FileResult r = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).readFile(dir, dir.resolve("x.txt"));
        assertTrue(r.articles().isEmpty());
        assertEquals(new SkippedFile("x.txt", "cannot read: is a directory"), r.skipped());
    }

    @Test
    void fileWithoutReadPermissionIsSkipped(@TempDir Path dir) throws IOException {
        Path locked = dir.resolve("locked.txt");
        Files.writeString(locked, GOOD);
        Files.writeString(dir.resolve("open.txt"), GOOD);
        try {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "file system has no POSIX permissions");
        }
        assumeTrue(!Files.isReadable(locked), "running as root: permissions do not stop reading");
        List<Article> articles = new ArrayList<>();
        CorpusScan scan = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).read(dir, articles::add);
        assertEquals(1, articles.size());
        assertEquals(List.of(new SkippedFile("locked.txt", "cannot read: permission denied")), scan.skipped());
    }

    @Test
    void symbolicLinksAreNotFollowed(@TempDir Path dir, @TempDir Path elsewhere) throws IOException {
        Path target = elsewhere.resolve("target.txt");
        Files.writeString(target, GOOD);
        Files.writeString(dir.resolve("real.txt"), GOOD);
        try {
            Files.createSymbolicLink(dir.resolve("link.txt"), target);
            Files.createSymbolicLink(dir.resolve("linked-dir"), elsewhere);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "cannot create symbolic links here: " + e);
        }
        List<Article> articles = new ArrayList<>();
        CorpusScan scan = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).read(dir, articles::add);
        assertEquals(List.of("real"), articles.stream().map(Article::slug).toList());
        assertEquals(List.of(new SkippedFile("link.txt", "symbolic link, not followed"),
                new SkippedFile("linked-dir", "symbolic link, not followed")), scan.skipped());
    }

    @Test
    void byteOrderMarkAndCarriageReturnsAreNormalised(@TempDir Path dir) throws IOException {
        byte[] body = "Caf\u00e9 Notes\r\n\r\nHeading\r\n\r\nSome \t  text\rwith a lone CR.\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(dir.resolve("bom.txt"), withBom);
        FileResult r = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).readFile(dir, dir.resolve("bom.txt"));
        assertNull(r.skipped());
        Article a = r.articles().get(0);
        assertEquals("Café Notes", a.title());
        assertEquals(List.of("Some text with a lone CR."), a.passages().stream().map(Passage::text).toList());
        assertEquals(List.of("Heading"), a.passages().get(0).sectionPath());
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("wide.txt"), "Wide Title\n\nDecomposed cafe\u0301 text.".getBytes(StandardCharsets.UTF_16));
        FileResult r = new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).readFile(dir, dir.resolve("wide.txt"));
        assertNull(r.skipped(), () -> String.valueOf(r.skipped()));
        // NFC composes "e" + combining acute into one "é".
        assertEquals("Decomposed café text.", r.articles().get(0).passages().get(0).text());
    }

    @Test
    void missingCorpusDirectoryIsAnErrorNamingIt(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("nowhere");
        IOException e = assertThrows(IOException.class,
                () -> new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).read(missing, a -> { }));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        Path file = dir.resolve("file.txt");
        Files.writeString(file, GOOD);
        IOException notDir = assertThrows(IOException.class,
                () -> new CorpusReader(CorpusReader.DEFAULT_MAX_FILE_BYTES).read(file, a -> { }));
        assertTrue(notDir.getMessage().contains(file.toString()), notDir.getMessage());
    }

    @Test
    void textNormalizerKeepsWordingAndLineStructure() {
        assertEquals("a b\n\nc", TextNormalizer.normalize("\uFEFF  a \t b  \r\n\r\n c\t"));
        assertEquals("e\u0301".length() - 1, TextNormalizer.normalize("e\u0301").length());
    }
}
