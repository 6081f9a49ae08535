package kb.index;

import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.StoredFieldsFormat;
import org.apache.lucene.codecs.compressing.CompressionMode;
import org.apache.lucene.codecs.lucene90.compressing.Lucene90CompressingStoredFieldsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;

/**
 * The codec kb writes its index with: Lucene 9.12's own, but for stored fields in small blocks. A result page reads
 * ten passages' stored fields, each from a different place in the index, and Lucene's default decompresses a
 * preset dictionary and an 8 KB block to read one passage; LZ4 blocks of 4 KB read one in about half the time or
 * less (MedQuAD's index: 24 → 11 µs a passage; SciFact's: 42 → 16 µs; README, Performance) for an index about 9%
 * larger. Found by name when an index is opened ({@code META-INF/services}), so its name and the stored-fields
 * format's name never change; indexes written before it, with Lucene's default codec, open and update as they are.
 */
public final class KbCodec extends FilterCodec {
    /** The name every segment written with this codec records. */
    public static final String NAME = "Kb912";
    /** Bytes of stored fields compressed together: a passage read decompresses its block up to its end. */
    static final int BLOCK_BYTES = 4 * 1024;
    /** Lucene's default for its fast mode: at most this many documents in a block. */
    private static final int MAX_DOCS_PER_BLOCK = 128;
    /** Lucene's default: blocks are indexed in groups of 2^10. */
    private static final int BLOCK_SHIFT = 10;

    private final StoredFieldsFormat storedFields = new Lucene90CompressingStoredFieldsFormat("KbStoredFields4K",
            CompressionMode.FAST, BLOCK_BYTES, MAX_DOCS_PER_BLOCK, BLOCK_SHIFT);

    public KbCodec() {
        super(NAME, new Lucene912Codec());
    }

    @Override
    public StoredFieldsFormat storedFieldsFormat() {
        return storedFields;
    }
}
