package kb.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage scorer with its defaults and the same score to the bit, computed without a hash of the
 * passage's terms: Lucene's {@link PassageScorer#score} builds a {@code BytesRefHash}, with its 32 KB block, for
 * every sentence that has a match, and kb asks for every such sentence (so that each match's offsets are known), so
 * that allocation was a quarter of marking a page. A sentence holds a handful of matches; its distinct terms are
 * found by comparing them, in the order they first occur, which is the order Lucene sums them in.
 */
final class SentenceScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        BytesRef[] distinct = new BytesRef[matches];
        int[] inPassage = new int[matches];
        int[] inDoc = new int[matches];
        int count = 0;
        for (int i = 0; i < matches; i++) {
            int at = 0;
            while (at < count && !distinct[at].bytesEquals(terms[i])) {
                at++;
            }
            if (at == count) {
                distinct[count] = terms[i];
                inDoc[count] = freqsInDoc[i];
                count++;
            }
            inPassage[at]++;
        }
        double score = 0d;
        for (int i = 0; i < count; i++) {
            score += tf(inPassage[i], passage.getLength()) * weight(contentLength, inDoc[i]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }
}
