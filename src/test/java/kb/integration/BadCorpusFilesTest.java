package kb.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kb.corpus.CorpusReader;
import kb.corpus.SkippedFile;
import kb.index.IndexReport;
import kb.index.Indexer;
import kb.search.SearchPage;
import kb.search.SearchRequest;
import kb.search.LuceneSearchEngine;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus full of awkward files, indexed as a serving kb would: each is indexed correctly or skipped with a
 * one-line reason naming it, every good file is indexed, and no bad file stops the update.
 */
class BadCorpusFilesTest {
    @TempDir
    Path tmp;
    @TempDir
    Path outside;

    @Test
    void everyAwkwardFileIsIndexedOrSkippedWithAReasonAndGoodFilesAreAllIndexed() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Path index = tmp.resolve("index");
        // Each good file has a word of its own, so a search proves it was indexed.
        Map<String, String> good = new LinkedHashMap<>();
        good.put("good-plain.txt", "wordplain");
        good.put("good notes with spaces.md", "wordspaces");
        good.put("unicodé-ñame-日本.md", "wordunicode");
        good.put("-leading-dash.md", "worddash");
        good.put("bom-utf8.txt", "wordbom");
        good.put("utf16-bom.txt", "wordutf");
        good.put("crlf.txt", "wordcrlf");
        good.put("cr-only.txt", "wordcronly");
        good.put("long-word.txt", "wordlong");
        good.put("big-paragraph.txt", "wordbig");
        good.put("changed-during.md", "wordchangedafter");
        good.put("dir.txt/inside.md", "wordinside");

        write(corpus, "good-plain.txt", "Plain Title\n\nA paragraph with wordplain in it.\n");
        write(corpus, "good notes with spaces.md", "# Spaces\n\nThe wordspaces paragraph.\n");
        write(corpus, "unicodé-ñame-日本.md", "# Ünïcödé\n\nThe wordunicode paragraph, 日本語.\n");
        write(corpus, "-leading-dash.md", "# Dash\n\nThe worddash paragraph.\n");
        Files.write(corpus.resolve("bom-utf8.txt"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "BOM Title\n\nThe wordbom paragraph.\n".getBytes(StandardCharsets.UTF_8)));
        Files.write(corpus.resolve("utf16-bom.txt"), "UTF-16 Title\n\nThe wordutf paragraph.\n".getBytes(StandardCharsets.UTF_16));
        write(corpus, "crlf.txt", "CRLF Title\r\n\r\nThe wordcrlf paragraph.\r\n\r\nA second paragraph.\r\n");
        write(corpus, "cr-only.txt", "CR Title\r\rThe wordcronly paragraph.\r\rA second paragraph.\r");
        write(corpus, "long-word.txt", "Long Word\n\nThe wordlong paragraph has " + "x".repeat(40_000) + " in it.\n");
        write(corpus, "long-heading.md", "# Long Heading\n\n## " + "heading".repeat(6_000) + "\n\nThe wordheading paragraph.\n");
        write(corpus, "long-id.jsonl", "{\"id\": \"" + "i".repeat(40_000) + "\", \"title\": \"Long id\", \"text\": \"The wordjsonl text.\"}\n");
        String big = "Big Paragraph\n\nThe wordbig paragraph " + "lorem ipsum dolor sit amet ".repeat(50 * 1024 * 1024 / 27 - 10) + "\n";
        write(corpus, "big-paragraph.txt", big);
        write(corpus, "changed-during.md", "# Changed\n\nThe wordchangedbefore paragraph.\n");
        write(corpus, "zz-deleted-during.md", "# Deleted\n\nThe worddeleted paragraph.\n");
        Files.createDirectories(corpus.resolve("dir.txt"));
        write(corpus, "dir.txt/inside.md", "# Inside\n\nThe wordinside paragraph.\n");

        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        write(corpus, "whitespace.txt", " \n\t\r\n  \n");
        write(corpus, "headings-only.md", "# One\n\n## Two\n\n### Three\n");
        Files.write(corpus.resolve("binary.txt"), new byte[] {'a', 'b', 0, 1, 2});
        Files.write(corpus.resolve("invalid-utf8.txt"), new byte[] {'T', 'i', '\n', '\n', (byte) 0xC3, (byte) 0x28});
        write(outside, "secret.txt", "Secret\n\nThe wordsecret paragraph.\n");
        Files.createSymbolicLink(corpus.resolve("outside-link.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(corpus.resolve("outside-dir"), outside);
        Files.createSymbolicLink(corpus.resolve("loop.txt"), corpus.resolve("loop.txt"));
        Files.createSymbolicLink(corpus.resolve("loop-dir"), corpus);
        write(corpus, "unreadable.txt", "Unreadable\n\nThe wordunreadable paragraph.\n");
        Files.setPosixFilePermissions(corpus.resolve("unreadable.txt"), PosixFilePermissions.fromString("---------"));
        boolean permissionsBite = !Files.isReadable(corpus.resolve("unreadable.txt"));

        CorpusReader reader = new CorpusReader();
        // While the update runs, one file is deleted and another rewritten after the folder was listed.
        boolean[] meddled = {false};
        Indexer indexer = new Indexer((dir, kept, sink) -> reader.read(dir, kept, article -> {
            // After the first article (files are read in name order), before the ones meddled with.
            if (!meddled[0]) {
                meddled[0] = true;
                try {
                    Files.delete(dir.resolve("zz-deleted-during.md"));
                    write(dir, "changed-during.md", "# Changed\n\nThe wordchangedafter paragraph.\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            sink.accept(article);
        }));
        long start = System.nanoTime();
        IndexReport report = indexer.update(corpus, index);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<String, String> skipped = report.skipped().stream().collect(Collectors.toMap(SkippedFile::file, SkippedFile::reason));

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("empty.txt", "empty file");
        expected.put("whitespace.txt", "only whitespace");
        expected.put("headings-only.md", "no text found");
        expected.put("binary.txt", "binary file (NUL byte at offset 2)");
        expected.put("invalid-utf8.txt", "not valid UTF-8 (bad byte at offset 4)");
        expected.put("outside-link.txt", "symbolic link, not followed");
        expected.put("outside-dir", "symbolic link, not followed");
        expected.put("loop.txt", "symbolic link, not followed");
        expected.put("loop-dir", "symbolic link, not followed");
        expected.put("zz-deleted-during.md", "cannot read: file not found");
        expected.put("long-heading.md", "cannot index article: a section heading is longer than 8000 characters");
        expected.put("long-id.jsonl", "cannot index article: the article id is longer than 8000 characters");
        if (permissionsBite) {
            expected.put("unreadable.txt", "cannot read: permission denied");
        }
        assertEquals(expected, skipped, report.summary());
        report.skipped().forEach(s -> assertFalse(s.reason().contains("\n"), s.reason()));

        // What is tested here is what got indexed, not how fast: a 50 MB paragraph on a loaded CI machine may take
        // longer to match and highlight than the serving default allows.
        try (LuceneSearchEngine search = LuceneSearchEngine.open(index, java.time.Duration.ofMinutes(1))) {
            for (Map.Entry<String, String> e : good.entrySet()) {
                assertEquals(1, total(search, e.getValue()), e.getKey() + " is indexed");
            }
            assertEquals(0, total(search, "wordsecret"), "links out of the corpus are not followed");
            assertEquals(0, total(search, "wordchangedbefore"), "the file is read as it is when read");
            assertEquals(2, total(search, "paragraph second"), "CRLF and CR-only files split into passages");
        }
        try (Directory dir = FSDirectory.open(index); CheckIndex check = new CheckIndex(dir)) {
            assertTrue(check.checkIndex().clean);
        }
        int tried = expected.size() + good.size() + (permissionsBite ? 0 : 1);
        Figures.record("bad corpus files", tried + " awkward files in one update (" + good.size() + " indexed, "
                + expected.size() + " skipped with a reason naming the file" + (permissionsBite ? "" : ", unreadable.txt "
                + "readable because the tests run as root") + "), including a 50 MB single paragraph; update took "
                + millis + " ms");
    }

    private static long total(LuceneSearchEngine search, String words) throws Exception {
        SearchPage page = search.search(new SearchRequest("+" + String.join(" +", words.split(" ")), 1, 10, null, null, false));
        return page.total();
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

}
