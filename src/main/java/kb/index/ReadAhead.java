package kb.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import kb.corpus.Article;
import kb.corpus.CorpusFiles;
import kb.corpus.CorpusScan;
import kb.corpus.SlugBook;

/**
 * Reads and prepares articles on a thread of its own while the calling thread writes them, in corpus order
 * (so documents get the same ids, and ties the same order, as a one-thread run). Reading and parsing the
 * corpus is about a third of indexing; this overlaps it with the analysis the writer does. The queue holds
 * at most {@value #QUEUE} prepared articles, so memory stays bounded. A failure on either side stops both (the
 * reader at its next article), and the reader's failure is thrown on the calling thread as it was thrown.
 * Preparing may hold articles back and hand several over at once (meaning vectors are embedded in batches); what
 * it still holds when the read ends is handed over then.
 */
final class ReadAhead<T> {
    private static final int QUEUE = 32;
    /** Ends the queue: the scan, or the reader's failure. */
    private record End(CorpusScan scan, Throwable failure) {}

    /** Unwinds the reader when the writer side has stopped listening. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super(null, null, false, false);
        }
    }

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Function<Article, List<T>> prepare;
    private final Writer<T> writer;
    private final Thread thread;
    private volatile boolean cancelled;

    /** Writes one prepared article on the calling thread. */
    @FunctionalInterface
    interface Writer<T> {
        void write(T prepared) throws IOException;
    }

    ReadAhead(Indexer.ArticleSource source, CorpusFiles.Listing listing, SlugBook keptSlugs, Function<Article, List<T>> prepare,
            Supplier<List<T>> endOfRead, Writer<T> writer) {
        this.prepare = prepare;
        this.writer = writer;
        this.thread = new Thread(() -> {
            End end;
            try {
                CorpusScan scan = source.read(listing, keptSlugs, article -> {
                    if (cancelled) {
                        throw new Cancelled();
                    }
                    prepare.apply(article).forEach(this::put);
                });
                endOfRead.get().forEach(this::put);
                end = new End(scan, null);
            } catch (Cancelled e) {
                if (cancelled) {
                    return; // the writer side failed first and no longer listens
                }
                end = new End(null, new InterruptedIOException("reading the corpus was interrupted"));
            } catch (Throwable t) {
                end = new End(null, t);
            }
            deliver(end);
        }, "kb-index-reader");
        thread.setDaemon(true);
    }

    /** Hands a prepared article to the writer, waiting while the queue is full; unwinds once cancelled. */
    private void put(T item) {
        try {
            while (!cancelled) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new Cancelled();
    }

    /** Hands over the end of the read, whatever interrupts the reader gets, unless the writer has stopped. */
    private void deliver(End end) {
        boolean interrupted = false;
        while (!cancelled) {
            try {
                if (queue.offer(end, 100, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes every article the reader hands over; returns the reader's scan once it has read everything. */
    CorpusScan drain() throws IOException {
        thread.start();
        boolean done = false;
        try {
            while (true) {
                Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                if (item == null) {
                    if (!thread.isAlive() && queue.isEmpty()) {
                        // Cannot happen by design (the reader always ends with an End); never wait forever.
                        throw new IllegalStateException("the corpus reader stopped without saying why");
                    }
                    continue;
                }
                if (item instanceof End end) {
                    done = true;
                    if (end.failure() != null) {
                        throw rethrow(end.failure());
                    }
                    return end.scan();
                }
                @SuppressWarnings("unchecked")
                T prepared = (T) item;
                writer.write(prepared);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("indexing was interrupted");
        } finally {
            if (!done) {
                cancelled = true;
                queue.clear();
            }
            joinUninterruptibly(thread);
        }
    }

    /** The reader's failure, thrown as it was: IOException, unchecked exception or error. */
    private static IOException rethrow(Throwable failure) throws IOException {
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        throw new IOException(failure);
    }

    /** The reader must have stopped before the writer is committed or rolled back. */
    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
