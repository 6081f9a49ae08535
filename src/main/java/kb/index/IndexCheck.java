package kb.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * {@code kb check}: runs Lucene's {@link CheckIndex} over an index, read-only (it never drops a damaged segment:
 * the corpus is the source, so the cure is a rebuild), and says the outcome in plain words.
 */
public final class IndexCheck {
    /** The outcome: {@code healthy} or not, and what to tell the person who asked. */
    public record Result(boolean healthy, String message) {}

    private IndexCheck() {}

    public static Result check(Path indexDir) throws IOException {
        String folder = indexDir.toAbsolutePath().normalize().toString();
        if (!Files.isDirectory(indexDir)) {
            return new Result(false, "There is no index in " + folder + "; run `kb index` first.");
        }
        try (Directory dir = FSDirectory.open(indexDir)) {
            if (!DirectoryReader.indexExists(dir)) {
                return new Result(false, "There is no index in " + folder + "; run `kb index` first.");
            }
            CheckIndex.Status status;
            // CheckIndex takes the write lock, so that no update changes the files while they are read.
            try (CheckIndex checker = new CheckIndex(dir)) {
                checker.setThreadCount(1);
                status = checker.checkIndex();
            } catch (LockObtainFailedException e) {
                return new Result(false, "An update of the index in " + folder + " is running (its write lock is "
                        + "held); run `kb check` again when it has finished.");
            }
            return describe(status, indexDir, folder);
        }
    }

    private static Result describe(CheckIndex.Status status, Path indexDir, String folder) {
        String deleteFolder = "delete the folder " + folder + " and rebuild it from its corpus: kb index --corpus CORPUS --index " + folder + ".";
        if (status.clean) {
            long passages = 0;
            for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
                passages += s.maxDoc - (s.liveDocStatus == null ? 0 : s.liveDocStatus.numDeleted);
            }
            return new Result(true, "The index in " + folder + " is healthy: " + status.numSegments + " "
                    + (status.numSegments == 1 ? "segment" : "segments") + ", " + passages + " "
                    + (passages == 1 ? "passage" : "passages") + ".");
        }
        if (status.missingSegments || status.toolOutOfDate) {
            String what = status.toolOutOfDate ? "was written by a newer version of kb (Lucene)"
                    : "is damaged: its list of segments" + (status.segmentsFileName == null ? ""
                            : " (" + status.segmentsFileName + ")") + " cannot be read";
            return new Result(false, "The index in " + folder + " " + what + ". "
                    + Character.toUpperCase(deleteFolder.charAt(0)) + deleteFolder.substring(1));
        }
        List<String> bad = new ArrayList<>();
        boolean segmentListDamaged = false;
        for (CheckIndex.Status.SegmentInfoStatus s : status.segmentInfos) {
            if (s.error == null) {
                continue;
            }
            Optional<String> file = IndexDamage.damagedFile(indexDir, s.error);
            segmentListDamaged |= file.filter(IndexDamage::listsSegments).isPresent();
            bad.add("segment " + s.name + " (" + s.maxDoc + " passages" + file.map(f -> ", file " + f).orElse("") + ")");
        }
        String advice = segmentListDamaged ? Character.toUpperCase(deleteFolder.charAt(0)) + deleteFolder.substring(1)
                : "Run `kb index --full --index " + folder + "` to rebuild it from the corpus; if that fails too, " + deleteFolder;
        return new Result(false, "The index in " + folder + " is damaged: " + status.numBadSegments + " of "
                + status.numSegments + " segments cannot be read"
                + (bad.isEmpty() ? "" : ": " + String.join("; ", bad)) + ". " + status.totLoseDocCount
                + " passages are affected. " + advice);
    }
}
