package kb.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import kb.corpus.CorpusReader;
import kb.corpus.SkippedFile;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An id once given is kept: adding, removing or renaming other files never changes an existing passage's id, a
 * newcomer with a clashing name gets the suffixed slug, JSON Lines ids stay exactly as written, and a renamed file's
 * old slug redirects to its new one.
 */
class StableIdsTest {
    @TempDir
    Path tmp;
    Path corpus;
    Path index;
    final Indexer indexer = new Indexer(new CorpusReader());

    @BeforeEach
    void corpus() throws IOException {
        corpus = Files.createDirectories(tmp.resolve("corpus"));
        index = tmp.resolve("index");
        Files.writeString(corpus.resolve("notes.md"), "# Notes\n\nThe original notes about glutamate.\n");
    }

    @Test
    void aNewcomerThatSortsFirstDoesNotTakeAnExistingSlug() throws IOException {
        indexer.update(corpus, index);
        Files.createDirectories(corpus.resolve("0"));
        Files.writeString(corpus.resolve("0/notes.md"), "# Notes\n\nA newcomer about dopamine.\n");
        indexer.update(corpus, index);
        Map<String, String> docs = IndexContents.documents(index);
        assertEquals("The original notes about glutamate.", docs.get("notes.intro.1"), docs.toString());
        assertEquals("A newcomer about dopamine.", docs.get("notes-2.intro.1"), docs.toString());

        // A full rebuild gives every article back the slug it had, whatever the sort order says.
        indexer.index(corpus, index, Indexer.Mode.FULL);
        assertEquals(docs, IndexContents.documents(index));
    }

    @Test
    void slugsStayWhenOtherFilesComeAndGo() throws IOException {
        Files.writeString(corpus.resolve("b-notes.md"), "# Notes\n\nSecond file.\n");
        Files.createDirectories(corpus.resolve("x"));
        Files.writeString(corpus.resolve("x/notes.md"), "# Notes\n\nThird file.\n");
        indexer.update(corpus, index);
        Map<String, String> before = IndexContents.documents(index);
        assertEquals("Third file.", before.get("notes-2.intro.1"), before.toString());
        Files.delete(corpus.resolve("notes.md"));
        indexer.update(corpus, index);
        assertEquals("Third file.", IndexContents.documents(index).get("notes-2.intro.1"), "x/notes.md keeps notes-2 though notes is free");
    }

    @Test
    void aJsonLinesIdCannotTakeAFilesSlugAndAFileNewcomerIsSuffixedAroundARecord() throws IOException {
        indexer.update(corpus, index);
        Files.writeString(corpus.resolve("records.jsonl"),
                "{\"_id\": \"notes\", \"text\": \"A record claiming the notes id.\"}\n"
                        + "{\"_id\": \"guide\", \"text\": \"A record with its own id.\"}\n");
        IndexReport report = indexer.update(corpus, index);
        assertEquals("The original notes about glutamate.", IndexContents.documents(index).get("notes.intro.1"));
        SkippedFile refused = report.skipped().stream().filter(s -> s.file().equals("records.jsonl:1")).findFirst()
                .orElseThrow(() -> new AssertionError(report.summary()));
        assertTrue(refused.reason().contains("\"notes\" is already the id of notes.md"), refused.reason());

        Files.writeString(corpus.resolve("guide.md"), "# Guide\n\nA file newcomer named like the record.\n");
        indexer.update(corpus, index);
        Map<String, String> docs = IndexContents.documents(index);
        assertEquals("A record with its own id.", docs.get("guide.intro.1"), docs.toString());
        assertEquals("A file newcomer named like the record.", docs.get("guide-2.intro.1"), docs.toString());
    }

    @Test
    void jsonLinesIdsAreTakenAsTheTextWritten() throws IOException {
        Files.writeString(corpus.resolve("numbers.jsonl"),
                "{\"_id\": 1e999999, \"text\": \"A huge number as id.\"}\n"
                        + "{\"_id\": 7.50, \"text\": \"A trailing zero.\"}\n"
                        + "{\"id\": 4983, \"text\": \"A plain number.\"}\n");
        indexer.update(corpus, index);
        Map<String, String> docs = IndexContents.documents(index);
        assertEquals("A huge number as id.", docs.get("1e999999.intro.1"), docs.toString());
        assertEquals("A trailing zero.", docs.get("7.50.intro.1"), docs.toString());
        assertEquals("A plain number.", docs.get("4983.intro.1"), docs.toString());
    }

    @Test
    void aRenamedFileRedirectsItsOldSlugToTheNewOne() throws IOException {
        Files.writeString(corpus.resolve("other.md"), "# Other\n\nUnrelated text.\n");
        indexer.update(corpus, index);
        Files.move(corpus.resolve("notes.md"), corpus.resolve("glutamate-notes.md"));
        indexer.update(corpus, index);
        assertEquals(Optional.of("glutamate-notes"), redirects().target("notes"));
        assertEquals(Optional.empty(), redirects().target("other"));

        // A second rename follows the chain to the live article.
        Files.move(corpus.resolve("glutamate-notes.md"), corpus.resolve("final.md"));
        indexer.update(corpus, index);
        assertEquals(Optional.of("final"), redirects().target("notes"));
        assertEquals(Optional.of("final"), redirects().target("glutamate-notes"));

        // A different article under the old name never takes the old ids: they still lead to the moved text.
        Files.writeString(corpus.resolve("notes.md"), "# Notes\n\nNew notes about something else.\n");
        indexer.update(corpus, index);
        assertEquals(Optional.of("final"), redirects().target("notes"));
        assertEquals("New notes about something else.", IndexContents.documents(index).get("notes-2.intro.1"));
    }

    @Test
    void aDeletedSlugIsNeverGivenToOtherTextButComesBackWithItsFile() throws IOException {
        indexer.update(corpus, index);
        Files.delete(corpus.resolve("notes.md"));
        Files.writeString(corpus.resolve("other.md"), "# Other\n\nKeeps the index from being emptied.\n");
        indexer.update(corpus, index);
        Files.createDirectories(corpus.resolve("b"));
        Files.writeString(corpus.resolve("b/notes.md"), "# Notes\n\nSomeone else's notes.\n");
        indexer.update(corpus, index);
        assertEquals("Someone else's notes.", IndexContents.documents(index).get("notes-2.intro.1"),
                "a newcomer never takes a retired id");
        assertEquals(null, IndexContents.documents(index).get("notes.intro.1"));

        // The original file restored from a backup gets its ids back, whatever the newcomer took meanwhile.
        Files.writeString(corpus.resolve("notes.md"), "# Notes\n\nThe original notes about glutamate.\n");
        indexer.update(corpus, index);
        assertEquals("The original notes about glutamate.", IndexContents.documents(index).get("notes.intro.1"));
        assertEquals("Someone else's notes.", IndexContents.documents(index).get("notes-2.intro.1"));
    }

    @Test
    void aDeletionAndANewcomerInOneUpdateDoNotHandTheIdOver() throws IOException {
        Files.writeString(corpus.resolve("other.md"), "# Other\n\nKeeps the index from being emptied.\n");
        indexer.update(corpus, index);
        // A checkout that removes one file and adds another of the same name elsewhere, in one update.
        Files.delete(corpus.resolve("notes.md"));
        Files.createDirectories(corpus.resolve("b"));
        Files.writeString(corpus.resolve("b/notes.md"), "# Notes\n\nSomeone else's notes.\n");
        indexer.update(corpus, index);
        assertEquals("Someone else's notes.", IndexContents.documents(index).get("notes-2.intro.1"));
        assertEquals(null, IndexContents.documents(index).get("notes.intro.1"));
    }

    @Test
    void aFileMovedToAnotherFolderKeepsItsIdsAndATitlelessRenameRedirects() throws IOException {
        Files.writeString(corpus.resolve("plain.md"), "Only a line of text about taurine, no heading.\n");
        indexer.update(corpus, index);
        Files.createDirectories(corpus.resolve("archive"));
        Files.move(corpus.resolve("notes.md"), corpus.resolve("archive/notes.md"));
        Files.move(corpus.resolve("plain.md"), corpus.resolve("taurine.md"));
        indexer.update(corpus, index);
        Map<String, String> docs = IndexContents.documents(index);
        assertEquals("The original notes about glutamate.", docs.get("notes.intro.1"), "same name, same content: same ids");
        assertEquals(Optional.of("taurine"), redirects().target("plain"), "a title that was the file name is not content");
    }

    @Test
    void aJsonLinesRecordMayMoveToAnotherJsonLinesFile() throws IOException {
        Files.writeString(corpus.resolve("a.jsonl"), "{\"_id\": \"r1\", \"text\": \"First record.\"}\n"
                + "{\"_id\": \"r2\", \"text\": \"Second record.\"}\n");
        indexer.update(corpus, index);
        Files.writeString(corpus.resolve("a.jsonl"), "{\"_id\": \"r1\", \"text\": \"First record.\"}\n");
        Files.writeString(corpus.resolve("b.jsonl"), "{\"_id\": \"r2\", \"text\": \"Second record.\"}\n");
        IndexReport report = indexer.update(corpus, index);
        assertTrue(report.skipped().isEmpty(), report.summary());
        assertEquals("Second record.", IndexContents.documents(index).get("r2.intro.1"));
    }

    @Test
    void anEditedAndRenamedFileIsNewAndGetsNoRedirect() throws IOException {
        indexer.update(corpus, index);
        Files.delete(corpus.resolve("notes.md"));
        Files.writeString(corpus.resolve("renamed.md"), "# Notes\n\nThe original notes about glutamate, edited.\n");
        indexer.update(corpus, index);
        assertEquals(Optional.empty(), redirects().target("notes"));
    }

    private Redirects redirects() throws IOException {
        try (Directory dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            return Redirects.fromCommit(r.getIndexCommit().getUserData());
        }
    }

}
