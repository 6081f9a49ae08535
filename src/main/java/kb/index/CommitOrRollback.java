package kb.index;

import java.io.IOException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

/**
 * How an indexing run's writer ends: a commit that counts as failed only when it did not land, or a rollback that
 * also removes the files the failed run left. Either way the index on disk is the last good commit or the new one,
 * never a mix, and a failure does not leave the disk fuller than before the run.
 */
final class CommitOrRollback {
    private CommitOrRollback() {}

    /**
     * Commits, and says the run failed only if its commit did not land. Lucene can throw from {@code commit()} after
     * the commit is durable: it starts merges once the commit is written, and a merge that failed on another thread
     * may have closed the writer by then. Such a run did update the index, and is reported as done.
     */
    static void commit(IndexWriter writer, String run) throws IOException {
        try {
            writer.commit();
        } catch (IOException | RuntimeException e) {
            if (!committedBy(writer.getDirectory(), run)) {
                throw e;
            }
        }
    }

    private static boolean committedBy(Directory dir, String run) {
        try {
            return run.equals(SegmentInfos.readLatestCommit(dir).getUserData().get(Fields.COMMIT_RUN));
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    /**
     * Rolls back to the last commit and removes what the failed run wrote; a second failure while doing so is kept
     * with the first, not thrown over it.
     */
    static void rollback(IndexWriter writer, Throwable cause) {
        Directory dir = writer.getDirectory();
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
        removeLeftovers(dir, cause);
    }

    /**
     * A writer that failed on a full disk leaves the files it was writing (the flush that hit the limit), so the disk
     * would stay full. Opening a writer on the last commit makes Lucene's file deleter remove every file no commit
     * references; it takes the index lock, so it never touches the files of another process's running update.
     */
    private static void removeLeftovers(Directory dir, Throwable cause) {
        try {
            if (DirectoryReader.indexExists(dir)) {
                IndexWriterConfig config = new IndexWriterConfig(Analyzers.perField())
                        .setOpenMode(IndexWriterConfig.OpenMode.APPEND).setCommitOnClose(false);
                try (IndexWriter cleaner = new IndexWriter(dir, config)) {
                    cleaner.rollback();
                }
            } else {
                // No commit at all: every index file here is the failed first build's. The write lock keeps a first
                // build another process may have started meanwhile out of reach.
                try (org.apache.lucene.store.Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                    if (!DirectoryReader.indexExists(dir)) {
                        for (String file : dir.listAll()) {
                            if (IndexFileNames.CODEC_FILE_PATTERN.matcher(file).matches()
                                    || file.startsWith(IndexFileNames.PENDING_SEGMENTS)) {
                                dir.deleteFile(file);
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
